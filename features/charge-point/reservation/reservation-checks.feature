@sut:charge-point @feature-profile:Reservation
Feature: Reservation checks beyond the test case document
  A reservation ends at its expiryDate and the connector is Available again, after which the reservation is gone
  (OCPP 1.6 §5.13, §5.1); connectorId 0 is reserved only when ReserveConnectorZeroSupported is true (§5.13,
  §9.3.1); a reservation is used only by its idTag or an idTag with its parentIdTag (§5.13).

  @EXT_RES_001 @spec=OCPP-1.6-5.13
  Scenario: EXT_RES_001 A reservation expires at its expiryDate
    Given the Charge Point is booted and idle
    When the Central System sends ReserveNow.req for the connector under test and the valid idTag, expiring in a few seconds
    Then the Charge Point answers ReserveNow.conf with status "Accepted"
    And the Charge Point sends StatusNotification.req with status "Reserved"
    And the Charge Point sends StatusNotification.req with status "Available" once the reservation has expired
    When the Central System sends CancelReservation.req for the reservation
    Then the Charge Point answers CancelReservation.conf with status "Rejected"

  @EXT_RES_002 @spec=OCPP-1.6-5.13
  Scenario: EXT_RES_002 connectorId 0 is reserved only with ReserveConnectorZeroSupported true
    Given the Charge Point is booted and idle
    When the Central System reads ReserveConnectorZeroSupported
    And the Central System sends ReserveNow.req for connectorId 0 and the valid idTag
    Then the Charge Point answers ReserveNow.conf for connectorId 0 as its ReserveConnectorZeroSupported says

  @EXT_RES_003 @operator @spec=OCPP-1.6-5.13
  Scenario: EXT_RES_003 A reservation is used only by its idTag or its parentIdTag
    Given the Charge Point is booted and idle
    And the connectors other than the connector under test are Unavailable
    When the Central System sends ReserveNow.req for the connector under test and the valid idTag, with parentIdTag the parent idTag
    Then the Charge Point answers ReserveNow.conf with status "Accepted"
    And the Charge Point sends StatusNotification.req with status "Reserved"
    When the EV driver presents the second valid idTag
    Then the Charge Point refuses the second valid idTag on the reserved connector: no transaction, the connector stays Reserved
    When the EV driver presents the child idTag
    Then the Charge Point sends StatusNotification.req with status "Preparing"
    When the EV driver plugs in the cable
    Then the Charge Point sends StartTransaction.req for the child idTag with the reservationId of the reservation, and StatusNotification.req with status "Charging"
