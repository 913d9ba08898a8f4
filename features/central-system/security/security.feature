@sut:central-system @feature-profile:Security
Feature: Security (test case document §3.21, security white paper)
  The emulated Charge Point meets the Central System under test on its security profiles (white paper §2): Basic
  auth whose username is the charge point id and whose password is its AuthorizationKey (profiles 1, 2), TLS 1.2 or
  newer with the white paper's cipher suites and the Central System's certificate (profiles 2, 3), and its own
  certificate, CN = serial number and O = CpoName, on profile 3. The CSMS operator changes the password and the
  profile, renews the charge point's certificate, installs, lists and deletes root certificates, asks for the
  security log and updates the firmware with a signature the emulated Charge Point checks. The TLS handshakes are
  attached as evidence (tls-handshake.md). Cases outside the profiles and features the SUT file declares are N/A.

  @TC_073_CSMS @operator
  Scenario: TC_073_CSMS Update Charge Point Password for HTTP Basic Authentication
    Given the emulated Charge Point is booted on security profile 1 or 2
    When the CSMS operator sets a new AuthorizationKey for the Charge Point
    Then the emulated Charge Point receives ChangeConfiguration.req for AuthorizationKey with the new key in hex (step 1)
    When the emulated Charge Point reconnects with the new password (step 3)
    Then the Central System lets the emulated Charge Point in (step 3)
    And the Central System refuses the emulated Charge Point with the password it had before

  @TC_074_CSMS @operator
  Scenario: TC_074_CSMS Update Charge Point Certificate by request of Central System
    Given the emulated Charge Point is booted on security profile 3
    When the CSMS operator asks the Charge Point to renew its certificate
    Then the emulated Charge Point receives ExtendedTriggerMessage.req for SignChargePointCertificate without connectorId (step 1)
    When the emulated Charge Point sends SignCertificate.req with a new key (step 3)
    Then the Central System responds to SignCertificate.req with status "Accepted" (step 4)
    And the emulated Charge Point receives CertificateSigned.req with a valid certificate for its new key (step 5)
    When the emulated Charge Point reconnects with its new certificate (step 7)
    Then the Central System lets the emulated Charge Point in (step 7)

  @TC_075_1_CSMS @operator
  Scenario: TC_075_1_CSMS Install a certificate on the Charge Point - ManufacturerRootCertificate
    Given the emulated Charge Point is booted
    When the CSMS operator installs a ManufacturerRootCertificate on the Charge Point
    Then the emulated Charge Point receives InstallCertificate.req with a ManufacturerRootCertificate root certificate (step 1)
    When the CSMS operator lists the ManufacturerRootCertificate certificates of the Charge Point
    Then the emulated Charge Point receives GetInstalledCertificateIds.req for ManufacturerRootCertificate (step 3)

  @TC_075_2_CSMS @operator
  Scenario: TC_075_2_CSMS Install a certificate on the Charge Point - CentralSystemRootCertificate
    Given the emulated Charge Point is booted
    When the CSMS operator installs a CentralSystemRootCertificate on the Charge Point
    Then the emulated Charge Point receives InstallCertificate.req with a CentralSystemRootCertificate root certificate (step 1)
    When the CSMS operator lists the CentralSystemRootCertificate certificates of the Charge Point
    Then the emulated Charge Point receives GetInstalledCertificateIds.req for CentralSystemRootCertificate (step 3)

  @TC_076_CSMS @operator
  Scenario: TC_076_CSMS Delete a specific certificate from the Charge Point
    Given the emulated Charge Point is booted
    And the CSMS operator has installed a second CentralSystemRootCertificate on the Charge Point
    When the CSMS operator deletes that certificate from the Charge Point
    Then the emulated Charge Point receives GetInstalledCertificateIds.req for CentralSystemRootCertificate (step 1)
    And the emulated Charge Point receives DeleteCertificate.req with the hash data of that certificate (step 3)

  @TC_077_CSMS @operator
  Scenario: TC_077_CSMS Invalid ChargePointCertificate Security Event
    Given the emulated Charge Point is booted on security profile 3
    And the emulated Charge Point will reject the certificate it is sent
    When the CSMS operator asks the Charge Point to renew its certificate
    Then the emulated Charge Point receives ExtendedTriggerMessage.req for SignChargePointCertificate without connectorId (step 1)
    When the emulated Charge Point sends SignCertificate.req with a new key (step 3)
    Then the Central System responds to SignCertificate.req with status "Accepted" (step 4)
    And the emulated Charge Point receives CertificateSigned.req with a PEM certificate chain (step 5)
    When the emulated Charge Point sends SecurityEventNotification.req of type "InvalidChargePointCertificate" (step 7)
    Then the Central System responds to SecurityEventNotification.req with an empty .conf (step 8)

  @TC_078_CSMS @operator
  Scenario: TC_078_CSMS Invalid CentralSystemCertificate Security Event
    Given the emulated Charge Point is booted
    And the emulated Charge Point will reject the certificates it is asked to install
    When the CSMS operator installs a CentralSystemRootCertificate on the Charge Point
    Then the emulated Charge Point receives InstallCertificate.req with a CentralSystemRootCertificate root certificate (step 1)
    When the emulated Charge Point sends SecurityEventNotification.req of type "InvalidCentralSystemCertificate" (step 3)
    Then the Central System responds to SecurityEventNotification.req with an empty .conf (step 4)

  @TC_079_CSMS @operator
  Scenario: TC_079_CSMS Get Security Log
    Given the emulated Charge Point is booted
    When the CSMS operator requests the security log of the Charge Point
    Then the emulated Charge Point receives GetLog.req for the SecurityLog with an absolute remoteLocation (step 1)
    When the emulated Charge Point sends LogStatusNotification.req with status "Uploading" (step 3)
    Then the Central System responds to LogStatusNotification.req with an empty .conf (step 4)
    When the emulated Charge Point uploads its security log to that location
    And the emulated Charge Point sends LogStatusNotification.req with status "Uploaded" (step 5)
    Then the Central System responds to LogStatusNotification.req with an empty .conf (step 6)

  @TC_080_CSMS @operator
  Scenario: TC_080_CSMS Secure Firmware Update
    Given the emulated Charge Point is booted
    When the CSMS operator updates the firmware of the Charge Point with a signed image
    Then the emulated Charge Point receives SignedUpdateFirmware.req with a signing certificate and a signature (step 1)
    When the emulated Charge Point sends SignedFirmwareStatusNotification.req with status "Downloading" (step 3)
    Then the Central System responds to SignedFirmwareStatusNotification.req with an empty .conf (step 4)
    When the emulated Charge Point downloads the signed firmware from that location
    And the emulated Charge Point sends SignedFirmwareStatusNotification.req with status "Downloaded" (step 5)
    Then the Central System responds to SignedFirmwareStatusNotification.req with an empty .conf (step 6)
    And the signature of the firmware verifies with the signing certificate the Central System sent (step 7)
    When the emulated Charge Point sends SignedFirmwareStatusNotification.req with status "SignatureVerified" (step 7)
    Then the Central System responds to SignedFirmwareStatusNotification.req with an empty .conf (step 8)
    When the emulated Charge Point sends StatusNotification.req with status "Unavailable" for connector 0 and every connector
    Then the Central System responds with StatusNotification.conf
    When the emulated Charge Point sends SignedFirmwareStatusNotification.req with status "Installing" (step 9)
    Then the Central System responds to SignedFirmwareStatusNotification.req with an empty .conf (step 10)
    When the emulated Charge Point sends SignedFirmwareStatusNotification.req with status "InstallRebooting" (step 11)
    Then the Central System responds to SignedFirmwareStatusNotification.req with an empty .conf (step 12)
    When the emulated Charge Point reboots (step 13)
    Then the Central System responds with BootNotification.conf with status "Accepted" (step 14)
    When the emulated Charge Point sends SecurityEventNotification.req of type "FirmwareUpdated" (step 15)
    Then the Central System responds to SecurityEventNotification.req with an empty .conf (step 16)
    When the emulated Charge Point sends StatusNotification.req with status "Available" for connector 0 and every connector (step 17)
    Then the Central System responds with StatusNotification.conf (step 18)
    When the emulated Charge Point sends SignedFirmwareStatusNotification.req with status "Installed" (step 19)
    Then the Central System responds to SignedFirmwareStatusNotification.req with an empty .conf (step 20)

  @TC_081_CSMS @operator
  Scenario: TC_081_CSMS Secure Firmware Update - Invalid Signature
    Given the emulated Charge Point is booted
    When the CSMS operator updates the firmware of the Charge Point with an invalid signature
    Then the emulated Charge Point receives SignedUpdateFirmware.req with a signing certificate and a signature (step 1)
    When the emulated Charge Point sends SignedFirmwareStatusNotification.req with status "Downloading" (step 3)
    Then the Central System responds to SignedFirmwareStatusNotification.req with an empty .conf (step 4)
    When the emulated Charge Point downloads the signed firmware from that location
    And the emulated Charge Point sends SignedFirmwareStatusNotification.req with status "Downloaded" (step 5)
    Then the Central System responds to SignedFirmwareStatusNotification.req with an empty .conf (step 6)
    And the signature of the firmware does not verify with the signing certificate the Central System sent (step 7)
    When the emulated Charge Point sends SignedFirmwareStatusNotification.req with status "InvalidSignature" (step 7)
    Then the Central System responds to SignedFirmwareStatusNotification.req with an empty .conf (step 8)
    When the emulated Charge Point sends SecurityEventNotification.req of type "InvalidFirmwareSignature"
    Then the Central System responds to SecurityEventNotification.req with an empty .conf

  @TC_083_CSMS @operator
  Scenario: TC_083_CSMS Upgrade Charge Point Security Profile - Accepted
    Given the emulated Charge Point is booted on a security profile below the highest one declared
    When the CSMS operator raises the security profile of the Charge Point by one
    Then the emulated Charge Point receives ChangeConfiguration.req for SecurityProfile one above its own
    When the emulated Charge Point reconnects on its new security profile
    Then the Central System lets the emulated Charge Point in
    When the emulated Charge Point sends BootNotification.req
    Then the Central System responds with BootNotification.conf with status "Accepted"

  @TC_085_CSMS
  Scenario: TC_085_CSMS Basic Authentication - Valid username/password combination
    When the emulated Charge Point connects on security profile 1 or 2 with its identity and AuthorizationKey (step 1)
    Then the Central System lets the emulated Charge Point in (step 2)
    When the emulated Charge Point sends BootNotification.req (step 3)
    Then the Central System responds with BootNotification.conf with status "Accepted" (step 4)
    When the emulated Charge Point sends StatusNotification.req with status "Available" for connector 0 and every connector (step 5)
    Then the Central System responds with StatusNotification.conf (step 6)

  @TC_086_CSMS
  Scenario: TC_086_CSMS TLS - server-side certificate - Valid certificate
    When the emulated Charge Point connects on security profile 2 or 3 (step 1)
    Then the Central System lets the emulated Charge Point in (step 6)
    And the Central System used TLS 1.2 or newer and a server certificate that meets the white paper (step 2)
    And the Central System supports the white paper's four TLS 1.2 cipher suites (step 2)
    When the emulated Charge Point sends BootNotification.req (step 7)
    Then the Central System responds with BootNotification.conf with status "Accepted" (step 8)
    When the emulated Charge Point sends StatusNotification.req with status "Available" for connector 0 and every connector (step 9)
    Then the Central System responds with StatusNotification.conf (step 10)

  @TC_087_CSMS
  Scenario: TC_087_CSMS TLS - Client-side certificate - valid certificate
    When the emulated Charge Point connects on security profile 3 (step 1)
    Then the Central System lets the emulated Charge Point in (step 6)
    And the Central System used TLS 1.2 or newer and a server certificate that meets the white paper (step 3)
    And the Central System supports the white paper's four TLS 1.2 cipher suites (step 3)
    When the emulated Charge Point sends BootNotification.req (step 7)
    Then the Central System responds with BootNotification.conf with status "Accepted" (step 8)
    When the emulated Charge Point sends StatusNotification.req with status "Available" for connector 0 and every connector (step 9)
    Then the Central System responds with StatusNotification.conf (step 10)

  @EXT_SEC_201 @spec=Security-whitepaper-A00.FR.315
  Scenario: EXT_SEC_201 A charge point offering only TLS 1.0 or 1.1 is refused
    When the emulated Charge Point connects on security profile 2 or 3 offering only TLS 1.0 and 1.1
    Then the Central System refuses the connection for "Security whitepaper A00.FR.315"

  @EXT_SEC_202 @spec=Security-whitepaper-A00.FR.317
  Scenario: EXT_SEC_202 The white paper's four TLS 1.2 cipher suites are offered
    When the emulated Charge Point connects on security profile 2 or 3
    Then the Central System supports the white paper's four TLS 1.2 cipher suites

  @EXT_SEC_203 @spec=Security-whitepaper-A00.FR.321
  Scenario: EXT_SEC_203 A charge point offering only CBC cipher suites is refused
    When the emulated Charge Point connects on security profile 2 or 3 offering only CBC cipher suites
    Then the Central System refuses the connection for "Security whitepaper A00.FR.321"

  @EXT_SEC_204 @spec=Security-whitepaper-A00.FR.407
  Scenario: EXT_SEC_204 A charge point without a client certificate is refused on profile 3
    When the emulated Charge Point connects on security profile 3 without a client certificate
    Then the Central System refuses the connection for "Security whitepaper A00.FR.407"

  @EXT_SEC_205 @spec=Security-whitepaper-A00.FR.403
  Scenario: EXT_SEC_205 A client certificate from an unknown CA is refused on profile 3
    When the emulated Charge Point connects on security profile 3 with a certificate from a CA the Central System does not know
    Then the Central System refuses the connection for "Security whitepaper A00.FR.403"

  @EXT_SEC_206 @spec=Security-whitepaper-A00.FR.405
  Scenario: EXT_SEC_206 A client certificate for another serial number is refused on profile 3
    When the emulated Charge Point connects on security profile 3 with a certificate whose CN is another charge point's
    Then the Central System refuses the connection for "Security whitepaper A00.FR.405"

  @EXT_SEC_207 @spec=Security-whitepaper-A00.FR.205
  Scenario: EXT_SEC_207 A wrong Basic-auth password is refused
    When the emulated Charge Point connects on security profile 1 or 2 with a wrong password
    Then the Central System refuses the connection for "Security whitepaper A00.FR.205"

  @EXT_SEC_208 @spec=Security-whitepaper-A00.FR.204
  Scenario: EXT_SEC_208 A Basic-auth username other than the charge point id is refused
    When the emulated Charge Point connects on security profile 1 or 2 with another charge point's username
    Then the Central System refuses the connection for "Security whitepaper A00.FR.204"

  @EXT_SEC_209 @operator @spec=Security-whitepaper-A05.FR.09
  Scenario: EXT_SEC_209 After an upgrade the lower security profile is refused
    Given the emulated Charge Point is booted on a security profile below the highest one declared
    When the CSMS operator raises the security profile of the Charge Point by one
    Then the emulated Charge Point receives ChangeConfiguration.req for SecurityProfile one above its own
    When the emulated Charge Point reconnects on its new security profile
    Then the Central System lets the emulated Charge Point in
    When the emulated Charge Point connects again on its old security profile
    Then the Central System refuses the connection for "Security whitepaper A05.FR.09"

  @EXT_SEC_210 @spec=Security-whitepaper-A02.FR.13
  Scenario: EXT_SEC_210 SignCertificate.req with a CSR whose organisation is not the CpoName is Rejected
    Given the emulated Charge Point is booted
    When the emulated Charge Point sends SignCertificate.req with a CSR whose O is not the CpoName
    Then the Central System responds to SignCertificate.req with status "Rejected" and sends no CertificateSigned.req

  @EXT_SEC_211 @spec=Security-whitepaper-A02.FR.12
  Scenario: EXT_SEC_211 SignCertificate.req with a malformed CSR is Rejected
    Given the emulated Charge Point is booted
    When the emulated Charge Point sends SignCertificate.req with a CSR that is not one
    Then the Central System responds to SignCertificate.req with status "Rejected" and sends no CertificateSigned.req

  @EXT_SEC_212 @spec=Security-whitepaper-A04.FR.03
  Scenario: EXT_SEC_212 A security event of a type the Central System does not know is acknowledged
    Given the emulated Charge Point is booted
    When the emulated Charge Point sends SecurityEventNotification.req of type "VendorSpecificTamperWarning"
    Then the Central System responds to SecurityEventNotification.req with an empty .conf
