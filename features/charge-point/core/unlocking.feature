@sut:charge-point @feature-profile:Core
Feature: Unlock connector (test case document §2.7)
  UnlockConnector.req unlocks the cable retention lock of a connector; a running transaction on it is stopped first,
  with reason UnlockCommand. A Charge Point with a fixed cable has no lock to release and answers NotSupported
  (OCPP 1.6 §5.18, §7.46).

  @TC_017_1_CS @spec=OCPP-1.6-5.18
  Scenario: TC_017_1_CS Unlock connector - no charging session running (Not fixed cable)
    Given the Charge Point is booted and idle
    And the Charge Point does not have a fixed cable
    When the Central System sends UnlockConnector.req for the connector under test (step 1)
    Then the Charge Point answers UnlockConnector.conf with status "Unlocked" (step 2)

  @TC_017_2_CS @spec=OCPP-1.6-5.18
  Scenario: TC_017_2_CS Unlock connector - no charging session running (Fixed cable)
    Given the Charge Point is booted and idle
    And the Charge Point has a fixed cable
    When the Central System sends UnlockConnector.req for the connector under test (step 1)
    Then the Charge Point answers UnlockConnector.conf with status "NotSupported" (step 2)

  @TC_018_1_CS @operator @spec=OCPP-1.6-5.18
  Scenario: TC_018_1_CS Unlock Connector - With Charging Session (Not fixed cable)
    Given the Charge Point is booted and idle
    And the Charge Point does not have a fixed cable
    And a transaction is charging on the connector under test
    When the Central System sends UnlockConnector.req for the connector under test (step 1)
    Then the Charge Point answers UnlockConnector.conf with status "Unlocked" (step 2)
    And the Charge Point sends StopTransaction.req with reason "UnlockCommand" and StatusNotification.req with status "Finishing", in any order (steps 3 and 5)
    When the EV driver unplugs the cable at the EV side
    Then the Charge Point sends StatusNotification.req with status "Available" (step 7)

  @TC_018_2_CS @operator @spec=OCPP-1.6-5.18
  Scenario: TC_018_2_CS Unlock Connector - With Charging Session (Fixed cable)
    Given the Charge Point is booted and idle
    And the Charge Point has a fixed cable
    And a transaction is charging on the connector under test
    When the Central System sends UnlockConnector.req for the connector under test (step 1)
    Then the Charge Point answers UnlockConnector.conf with status "NotSupported" (step 2)
