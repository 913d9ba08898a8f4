@sut:central-system @feature-profile:Core
Feature: Data transfer (test case document §3.20)
  The emulated Charge Point sends a DataTransfer.req for a vendorId the Central System has no implementation for; the
  Central System answers with a DataTransfer.conf that does not accept it (OCPP 1.6 §4.3). Accepted is allowed but
  warned about, as the test case asks.

  @TC_064_CSMS @spec=OCPP-1.6-4.3
  Scenario: TC_064_CSMS Data Transfer to a Central System
    Given the emulated Charge Point is booted
    When the emulated Charge Point sends DataTransfer.req with a vendorId the Central System does not know (step 1)
    Then the Central System responds with DataTransfer.conf declining the unknown vendor (step 2)
