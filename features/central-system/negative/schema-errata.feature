@sut:central-system @feature-profile:Core
Feature: Schema errata — requests the corrected OCPP 1.6 schemas allow
  The OCPP-J errata corrected the JSON schemas (set urn:OCPP:1.6:2019:12): the unit of measure "Celsius" is valid
  beside the original typo "Celcius" (§2.1), and StopTransaction.req may leave out `reason`, which then means Local
  (§2.5, OCPP 1.6 §4.10). A Central System still validating against the original schemas refuses such requests
  with a CALLERROR; the Charge Point then retries them, a transaction message for ever (OCPP 1.6 §3.7.1).

  Background:
    Given the emulated Charge Point is connected and its BootNotification is Accepted

  @EXT_CSMS_RPC_013 @spec=OCPP-J-errata-2.1
  Scenario: EXT_CSMS_RPC_013 Temperatures in "Celsius" and in "Celcius" are both accepted
    When the emulated Charge Point sends MeterValues.req with a temperature in unit "Celsius"
    Then the Central System responds with MeterValues.conf, as OCPP-J errata §2.1 allows
    When the emulated Charge Point sends MeterValues.req with a temperature in unit "Celcius"
    Then the Central System responds with MeterValues.conf, as OCPP-J errata §2.1 allows

  @EXT_CSMS_TX_004 @spec=OCPP-J-errata-2.5
  Scenario: EXT_CSMS_TX_004 A StopTransaction.req without reason is accepted
    When the emulated Charge Point starts a transaction for the valid idTag and stops it with a StopTransaction.req without reason
    Then the Central System responds with StopTransaction.conf, as OCPP-J errata §2.5 allows
