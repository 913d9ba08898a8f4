@sut:charge-point @feature-profile:Core
Feature: Offline behaviour (test case document §2.14)
  While the connection to the Central System is lost the Charge Point goes on: it authorizes locally, starts and
  stops transactions and takes meter values, and queues the transaction-related messages; once connected again it
  delivers them, oldest first, before any new one (OCPP 1.6 §3.5, §3.7, errata §3.15). A StartTransaction.conf that
  does not accept the idTag stops the transaction or only the energy, as StopTransactionOnInvalidId says (errata
  §3.17). The idTags are made known for offline use where the Charge Point implements it: the Local Authorization
  List, the Authorization Cache, AllowOfflineTxForUnknownId.

  @TC_036_CS @slow @operator @spec=OCPP-1.6-3.7
  Scenario: TC_036_CS Connection Loss During Transaction
    Given the Charge Point is booted and idle
    And the Central System has set "MeterValueSampleInterval" to the configured value
    And a transaction is charging on the connector under test
    When the Charge Point loses its connection to the Central System
    And the Charge Point stays offline for three MeterValueSampleIntervals
    And the Charge Point regains its connection to the Central System
    Then the Charge Point sends the MeterValues.req it queued while offline, oldest first and MeterValueSampleInterval apart (step 1)

  @TC_037_1_CS @operator @spec=OCPP-1.6-3.7
  Scenario: TC_037_1_CS Offline Start Transaction - Valid IdTag
    Given the Charge Point is booted and idle
    And the Charge Point may authorize the valid idTag offline
    When the Charge Point loses its connection to the Central System
    And the EV driver plugs in the cable
    And the EV driver presents the valid idTag
    And the Charge Point regains its connection to the Central System
    Then the Charge Point sends StartTransaction.req for the valid idTag and StatusNotification.req with status "Charging", in any order (steps 1 and 3)

  @TC_037_2_CS @operator @spec=OCPP-1.6-errata-3.17
  Scenario: TC_037_2_CS Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = false
    Given the Charge Point is booted and idle
    And the Charge Point may authorize the invalid idTag offline
    And the Central System has set "StopTransactionOnInvalidId" to "false"
    And the Central System has set "MaxEnergyOnInvalidId" to "0" if the Charge Point implements it
    When the Charge Point loses its connection to the Central System
    And the EV driver plugs in the cable
    And the EV driver presents the invalid idTag
    And the Charge Point regains its connection to the Central System
    Then the Charge Point sends StartTransaction.req for the invalid idTag and StatusNotification.req with status "Charging", in any order (steps 1 and 3)
    And the Charge Point only stops the energy delivery: StatusNotification.req with status "SuspendedEVSE" (step 5)

  @TC_037_3_CS @operator @spec=OCPP-1.6-errata-3.17
  Scenario: TC_037_3_CS Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = true
    Given the Charge Point is booted and idle
    And the Charge Point may authorize the invalid idTag offline
    And the Central System has set "StopTransactionOnInvalidId" to "true"
    And the Central System has set "MaxEnergyOnInvalidId" to "0" if the Charge Point implements it
    When the Charge Point loses its connection to the Central System
    And the EV driver plugs in the cable
    And the EV driver presents the invalid idTag
    And the Charge Point regains its connection to the Central System
    Then the Charge Point sends StartTransaction.req for the invalid idTag and StatusNotification.req with status "Charging", in any order (steps 1 and 3)
    And the Charge Point sends StopTransaction.req with reason "DeAuthorized" and StatusNotification.req with status "Finishing", in any order (steps 5 and 7)

  @TC_038_CS @operator @spec=OCPP-1.6-3.7
  Scenario: TC_038_CS Offline Stop Transaction
    Given the Charge Point is booted and idle
    And a transaction is charging on the connector under test
    When the Charge Point loses its connection to the Central System
    And the EV driver presents the valid idTag
    And the Charge Point regains its connection to the Central System
    Then the Charge Point sends StopTransaction.req with reason "Local" and StatusNotification.req with status "Finishing", in any order (steps 1 and 3)

  @TC_039_CS @operator @spec=OCPP-1.6-3.7
  Scenario: TC_039_CS Offline Transaction
    Given the Charge Point is booted and idle
    And the Charge Point may authorize the valid idTag offline
    When the Charge Point loses its connection to the Central System
    And the EV driver plugs in the cable
    And the EV driver presents the valid idTag
    And the EV driver presents the valid idTag again
    And the EV driver unplugs the cable at the EV side
    And the Charge Point regains its connection to the Central System
    Then the Charge Point sends StartTransaction.req for the valid idTag and then StopTransaction.req with reason "Local" for that transaction (steps 1 and 3)
