@sut:charge-point @feature-profile:Security
Feature: Security white paper (test case document §2.24)
  The Charge Point under test connects with the security profile it is configured for (white paper edition 3,
  §2.1): Basic credentials of its identity and AuthorizationKey on profiles 1 and 2, TLS 1.2 or newer checking the
  harness's server certificate on 2 and 3, its own certificate on 3. The harness plays the Central System and the
  CPO's CA with a PKI made for the run: it raises the profile over OCPP (A05) and lowers it only out of band
  (A00.FR.005), changes the password (A01), installs, lists and deletes root certificates (M03–M05), has the
  charger's certificate renewed (A02), fetches the security log (N01), sends signed firmware (L01), and checks that
  security events reach it, also those raised while the charger was offline (A04). Cases beyond the document
  (@EXT_SEC_1xx) check what the charger must refuse: bad server certificates, bad keys, downgrades, oversized chains.

  @TC_073_CS
  Scenario: TC_073_CS Update Charge Point Password for HTTP Basic Authentication
    Given the Charge Point implements the security feature "authorization-key", with security profile "1 or 2"
    And the Charge Point is connected with security profile "1 or 2"
    When the Central System sends ChangeConfiguration.req with the new AuthorizationKey (step 1)
    Then the Charge Point answers ChangeConfiguration.conf Accepted and reconnects with the new password (steps 2/3)

  @TC_085_CS
  Scenario: TC_085_CS Basic Authentication - Valid username/password combination
    Given the Charge Point implements the security feature "authorization-key", with security profile "1 or 2"
    And the Charge Point is connected with security profile "1 or 2"
    When the Central System resets the Charge Point with Reset.req Hard (step 1)
    Then the Charge Point connects with Basic credentials of its identity and AuthorizationKey (step 2)
    And the Charge Point registers again with BootNotification.req (step 3)
    And the Charge Point reports connector 0 and every connector "Available" after booting (step 5)

  @EXT_SEC_104
  Scenario: EXT_SEC_104 An AuthorizationKey shorter than 16 bytes, not hex or longer than 20 bytes is Rejected
    Given the Charge Point implements the security feature "authorization-key", with security profile "1 or 2"
    And the Charge Point is connected with security profile "1 or 2"
    Then the Charge Point rejects AuthorizationKeys that are too short, not hex or too long

  @EXT_SEC_106
  Scenario: EXT_SEC_106 The AuthorizationKey is write-only
    Given the Charge Point implements the security feature "authorization-key", with security profile "1 or 2"
    And the Charge Point is connected with security profile "1 or 2"
    Then the Charge Point never reveals the AuthorizationKey in GetConfiguration.conf

  @EXT_SEC_107
  Scenario: EXT_SEC_107 A critical security event raised while offline is delivered after the reconnection
    Given the Charge Point implements the security feature "security-events", with security profile "0, 1, 2 or 3"
    And the Charge Point is connected with security profile "0, 1, 2 or 3"
    When the Charge Point loses its connection to the Central System
    And the power of the Charge Point fails and returns
    And the Charge Point gets its network back after restarting offline
    Then the Charge Point delivers the SecurityEventNotification.req "StartupOfTheDevice" it raised while offline

  @TC_083_CS
  Scenario: TC_083_CS Upgrade security profile
    Given the Charge Point implements the security feature "profile-change", with security profile "1 or 2"
    And the Charge Point is connected with security profile "1 or 2"
    And the Charge Point is ready for the next security profile
    When the Central System sends ChangeConfiguration.req raising SecurityProfile by one (step 1)
    Then the Charge Point answers ChangeConfiguration.conf Accepted or RebootRequired and connects with the higher security profile (steps 2, 3, 4, 5, 6, 7, 8)

  @TC_075_1_CS
  Scenario: TC_075_1_CS Install a certificate on the Charge Point - ManufacturerRootCertificate
    Given the Charge Point implements the security feature "certificate-management", with security profile "2 or 3"
    And the Charge Point is connected with security profile "2 or 3"
    When the Central System sends InstallCertificate.req with its ManufacturerRootCertificate (step 1)
    Then the Charge Point answers InstallCertificate.conf Accepted (step 2)
    And the Charge Point lists the ManufacturerRootCertificate with the hash data of the installed certificate (steps 3/4)

  @TC_075_2_CS
  Scenario: TC_075_2_CS Install a certificate on the Charge Point - CentralSystemRootCertificate
    Given the Charge Point implements the security feature "certificate-management", with security profile "2 or 3"
    And the Charge Point is connected with security profile "2 or 3"
    When the Central System sends InstallCertificate.req with its CentralSystemRootCertificate (step 1)
    Then the Charge Point answers InstallCertificate.conf Accepted (step 2)
    And the Charge Point lists the CentralSystemRootCertificate with the hash data of the installed certificate (steps 3/4)

  @TC_076_CS
  Scenario: TC_076_CS Delete a specific certificate from the Charge Point
    Given the Charge Point implements the security feature "certificate-management", with security profile "2 or 3"
    And the Charge Point is connected with security profile "2 or 3"
    And the Charge Point has a second CentralSystemRootCertificate installed
    When the Central System deletes the second CentralSystemRootCertificate by the hash data the Charge Point lists (steps 1, 2, 3, 4)
    Then the Charge Point no longer lists the deleted certificate (steps 5/6)

  @TC_078_CS
  Scenario: TC_078_CS Invalid CentralSystemCertificate Security Event
    Given the Charge Point implements the security feature "certificate-management", with security profile "2 or 3"
    And the Charge Point is connected with security profile "2 or 3"
    When the Central System sends InstallCertificate.req with an expired CentralSystemRootCertificate (step 1)
    Then the Charge Point answers InstallCertificate.conf Rejected (step 2)
    And the Charge Point sends SecurityEventNotification.req "InvalidCentralSystemCertificate" (step 3)

  @EXT_SEC_108
  Scenario: EXT_SEC_108 InstallCertificate of an expired or a malformed certificate is Rejected
    Given the Charge Point implements the security feature "certificate-management", with security profile "2 or 3"
    And the Charge Point is connected with security profile "2 or 3"
    When the Central System sends InstallCertificate.req with an expired ManufacturerRootCertificate
    Then the Charge Point answers InstallCertificate.conf Rejected
    When the Central System sends InstallCertificate.req with an malformed ManufacturerRootCertificate
    Then the Charge Point answers InstallCertificate.conf Rejected

  @TC_079_CS
  Scenario: TC_079_CS Get Security Log
    Given the Charge Point implements the security feature "security-log", with security profile "0, 1, 2 or 3"
    And the Charge Point is connected with security profile "0, 1, 2 or 3"
    When the Central System sends GetLog.req for the SecurityLog into the upload directory of its file server (step 1)
    Then the Charge Point answers GetLog.conf Accepted (step 2)
    And the Charge Point reports the upload Uploading and Uploaded and the log arrives (steps 3, 4, 5, 6)

  @TC_080_CS
  Scenario: TC_080_CS Secure Firmware Update
    Given the Charge Point implements the security feature "signed-firmware", with security profile "1, 2 or 3"
    And the Charge Point is connected with security profile "1, 2 or 3"
    And the Charge Point has the ManufacturerRootCertificate installed
    When the Central System sends SignedUpdateFirmware.req for a firmware it serves, with a valid signature (step 1)
    Then the Charge Point answers SignedUpdateFirmware.conf Accepted (step 2)
    And the Charge Point sends SignedFirmwareStatusNotification.req "Downloading, Downloaded, SignatureVerified, Installing", in this order (steps 3, 4, 5, 6, 7, 8, 9)
    And the Charge Point reboots and reports its connectors Available and the firmware Installed, in any order (steps 11, 12, 13, 14, 15, 16, 17)

  @TC_081_CS
  Scenario: TC_081_CS Secure Firmware Update - Invalid Signature
    Given the Charge Point implements the security feature "signed-firmware", with security profile "1, 2 or 3"
    And the Charge Point is connected with security profile "1, 2 or 3"
    And the Charge Point has the ManufacturerRootCertificate installed
    When the Central System sends SignedUpdateFirmware.req for a firmware it serves, with a invalid signature (step 1)
    Then the Charge Point answers SignedUpdateFirmware.conf Accepted (step 2)
    And the Charge Point sends SignedFirmwareStatusNotification.req "Downloading, Downloaded, InvalidSignature", in this order (steps 3, 4, 5, 6, 7)
    And the Charge Point sends SecurityEventNotification.req "InvalidFirmwareSignature"
    And the Charge Point does not install the firmware

  @TC_084_CS
  Scenario: TC_084_CS Downgrade security profile - Rejected
    Given the Charge Point implements the security feature "profile-change", with security profile "2 or 3"
    And the Charge Point is connected with security profile "2 or 3"
    When the Central System sends ChangeConfiguration.req lowering SecurityProfile by one (step 1)
    Then the Charge Point answers ChangeConfiguration.conf Rejected and stays on its security profile (step 2)

  @EXT_SEC_105
  Scenario: EXT_SEC_105 The security profile is never lowered, nor set to the same value, by ChangeConfiguration
    Given the Charge Point implements the security feature "profile-change", with security profile "2 or 3"
    And the Charge Point is connected with security profile "2 or 3"
    Then the Charge Point rejects a SecurityProfile equal to its own and profile 0

  @TC_086_CS
  Scenario: TC_086_CS TLS - server-side certificate - Valid certificate
    Given the Charge Point implements the security feature "authorization-key", with security profile "2 or 3"
    And the Charge Point is connected with security profile "2 or 3"
    When the Central System resets the Charge Point with Reset.req Hard
    Then the Charge Point connects over TLS 1.2 or newer with a white paper cipher suite (steps 1, 2, 3)
    And the Charge Point registers again with BootNotification.req (step 3)
    And the Charge Point reports connector 0 and every connector "Available" after booting (step 7)

  @EXT_SEC_101
  Scenario: EXT_SEC_101 A server certificate from an unknown CA is refused, and InvalidCentralSystemCertificate reported
    Given the Charge Point implements the security feature "security-events", with security profile "2 or 3"
    And the Charge Point is connected with security profile "2 or 3"
    When the Central System presents a server certificate "unknown-ca" and closes the connection
    Then the Charge Point refuses the server certificate "unknown-ca"
    When the Central System presents its valid server certificate again
    Then the Charge Point connects again and sends SecurityEventNotification.req "InvalidCentralSystemCertificate"

  @EXT_SEC_102
  Scenario: EXT_SEC_102 An expired server certificate is refused, and InvalidCentralSystemCertificate reported
    Given the Charge Point implements the security feature "security-events", with security profile "2 or 3"
    And the Charge Point is connected with security profile "2 or 3"
    When the Central System presents a server certificate "expired" and closes the connection
    Then the Charge Point refuses the server certificate "expired"
    When the Central System presents its valid server certificate again
    Then the Charge Point connects again and sends SecurityEventNotification.req "InvalidCentralSystemCertificate"

  @EXT_SEC_103
  Scenario: EXT_SEC_103 A server certificate for another name is refused, and InvalidCentralSystemCertificate reported
    Given the Charge Point implements the security feature "security-events", with security profile "2 or 3"
    And the Charge Point is connected with security profile "2 or 3"
    When the Central System presents a server certificate "wrong-name" and closes the connection
    Then the Charge Point refuses the server certificate "wrong-name"
    When the Central System presents its valid server certificate again
    Then the Charge Point connects again and sends SecurityEventNotification.req "InvalidCentralSystemCertificate"

  @TC_074_CS
  Scenario: TC_074_CS Update Charge Point Certificate by request of Central System
    Given the Charge Point implements the security feature "certificate-signing", with security profile "3"
    And the Charge Point is connected with security profile "3"
    And the Charge Point has its CpoName set
    When the Central System sends ExtendedTriggerMessage.req for SignChargePointCertificate (step 1)
    Then the Charge Point answers ExtendedTriggerMessage.conf Accepted (step 2)
    And the Charge Point sends SignCertificate.req with a CSR for its CpoName, which the Central System signs valid (steps 3/4)
    When the Central System sends CertificateSigned.req with the signed certificate (step 5)
    Then the Charge Point answers CertificateSigned.conf Accepted (step 6)
    And the Charge Point reconnects with the new certificate (step 7)

  @TC_077_CS
  Scenario: TC_077_CS Invalid ChargePointCertificate Security Event
    Given the Charge Point implements the security feature "certificate-signing", with security profile "3"
    And the Charge Point is connected with security profile "3"
    And the Charge Point has its CpoName set
    When the Central System sends ExtendedTriggerMessage.req for SignChargePointCertificate (step 1)
    Then the Charge Point answers ExtendedTriggerMessage.conf Accepted (step 2)
    And the Charge Point sends SignCertificate.req with a CSR for its CpoName, which the Central System signs invalid (steps 3/4)
    When the Central System sends CertificateSigned.req with the signed certificate (step 5)
    Then the Charge Point answers CertificateSigned.conf Rejected (step 6)
    And the Charge Point sends SecurityEventNotification.req "InvalidChargePointCertificate" (step 7)

  @EXT_SEC_109
  Scenario: EXT_SEC_109 CertificateSigned with a chain longer than CertificateSignedMaxChainSize is Rejected
    Given the Charge Point implements the security feature "certificate-signing", with security profile "3"
    And the Charge Point is connected with security profile "3"
    And the Charge Point has its CpoName set
    When the Central System sends ExtendedTriggerMessage.req for SignChargePointCertificate
    Then the Charge Point answers ExtendedTriggerMessage.conf Accepted
    And the Charge Point sends SignCertificate.req with a CSR for its CpoName, which the Central System signs oversized
    When the Central System sends CertificateSigned.req with the signed certificate
    Then the Charge Point answers CertificateSigned.conf Rejected

  @TC_087_CS
  Scenario: TC_087_CS TLS - Client-side certificate - valid certificate
    Given the Charge Point implements the security feature "certificate-signing", with security profile "3"
    And the Charge Point is connected with security profile "3"
    When the Central System resets the Charge Point with Reset.req Hard
    Then the Charge Point connects over TLS with its client certificate (steps 1, 2, 3)
    And the Charge Point registers again with BootNotification.req (step 3)
    And the Charge Point reports connector 0 and every connector "Available" after booting (step 7)
