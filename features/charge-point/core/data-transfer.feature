@sut:charge-point @feature-profile:Core
Feature: Data transfer (test case document §2.23)
  A DataTransfer.req for a vendorId the Charge Point does not know is refused (OCPP 1.6 §5.6, §7.23); the document
  allows Accepted, with a warning.

  @TC_062_CS @spec=OCPP-1.6-5.6
  Scenario: TC_062_CS Data Transfer to a Charge Point
    Given the Charge Point is booted
    When the Central System sends DataTransfer.req with a vendorId the Charge Point does not know (step 1)
    Then the Charge Point answers DataTransfer.conf refusing the unknown vendor (step 2)
