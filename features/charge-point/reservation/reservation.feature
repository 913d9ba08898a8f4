@sut:charge-point @feature-profile:Reservation
Feature: Reservation (test case document §2.20)
  The Central System reserves a connector, or with connectorId 0 any connector, for an idTag until an expiryDate
  (OCPP 1.6 §5.13). The reserved connector reports Reserved (§4.9) and takes only the reservation's idTag, or one
  with its parentIdTag; the transaction that uses the reservation names it in StartTransaction.req, and the
  reservation ends then, at its expiryDate (the connector back to Available) or on CancelReservation.req (§5.1).
  A connector or Charge Point that is Faulted, Occupied or Unavailable answers so; connectorId 0 only with
  ReserveConnectorZeroSupported true (§9.3.1).

  @TC_046_1_CS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_046_1_CS Reservation of a Connector - Local start transaction
    Given the Charge Point is booted and idle
    And the connectors other than the connector under test are Unavailable
    When the Central System sends ReserveNow.req for the connector under test and the valid idTag (step 1)
    Then the Charge Point answers ReserveNow.conf with status "Accepted" (step 2)
    And the Charge Point sends StatusNotification.req with status "Reserved" (step 3)
    When the EV driver presents the second valid idTag
    Then the Charge Point refuses the second valid idTag on the reserved connector: no transaction, the connector stays Reserved
    When the EV driver presents the valid idTag (step 5)
    Then the Charge Point sends StatusNotification.req with status "Preparing" (step 7)
    When the EV driver plugs in the cable
    Then the Charge Point sends StartTransaction.req for the valid idTag with the reservationId of the reservation, and StatusNotification.req with status "Charging" (steps 9 and 11)

  @TC_046_2_CS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_046_2_CS Reservation of a Connector - Remote start transaction
    Given the Charge Point is booted and idle
    When the Central System sends ReserveNow.req for the connector under test and the valid idTag (step 1)
    Then the Charge Point answers ReserveNow.conf with status "Accepted" (step 2)
    And the Charge Point sends StatusNotification.req with status "Reserved" (step 3)
    When the Central System starts a transaction for the valid idTag on the connector under test remotely, and the cable is plugged in (step 5)
    Then the Charge Point sends StartTransaction.req for the valid idTag with the reservationId of the reservation, and StatusNotification.req with status "Charging" (step 5)

  @TC_047_CS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_047_CS Reservation of a Connector - Expire
    Given the Charge Point is booted and idle
    And the connectors other than the connector under test are Unavailable
    When the Central System sends ReserveNow.req for the connector under test and the valid idTag, expiring in a few seconds (step 1)
    Then the Charge Point answers ReserveNow.conf with status "Accepted" (step 2)
    And the Charge Point sends StatusNotification.req with status "Reserved" (step 3)
    And the Charge Point sends StatusNotification.req with status "Available" once the reservation has expired (step 5)
    When the Central System starts a transaction for the second valid idTag on the connector under test remotely, and the cable is plugged in (step 7)
    Then the Charge Point sends StartTransaction.req for the second valid idTag without a reservationId, and StatusNotification.req with status "Charging" (step 7)

  @TC_048_1_CS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_048_1_CS Reservation of a Connector - Faulted
    Given the Charge Point is booted and idle
    And the connector under test is Faulted
    When the Central System sends ReserveNow.req for the connector under test and the valid idTag (step 1)
    Then the Charge Point answers ReserveNow.conf with status "Faulted" (step 2)

  @TC_048_2_CS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_048_2_CS Reservation of a Connector - Occupied
    Given the Charge Point is booted and idle
    And the connector under test is Occupied
    When the Central System sends ReserveNow.req for the connector under test and the valid idTag (step 1)
    Then the Charge Point answers ReserveNow.conf with status "Occupied" (step 2)

  @TC_048_3_CS @spec=OCPP-1.6-5.13
  Scenario: TC_048_3_CS Reservation of a Connector - Unavailable
    Given the Charge Point is booted and idle
    And the connector under test is Unavailable
    When the Central System sends ReserveNow.req for the connector under test and the valid idTag (step 1)
    Then the Charge Point answers ReserveNow.conf with status "Unavailable" (step 2)


  @TC_049_CS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_049_CS Reservation of a Charge Point - Transaction
    Given the Charge Point is booted and idle
    And the Charge Point supports reservations of connector 0
    And the connectors other than the connector under test are Unavailable
    When the Central System sends ReserveNow.req for connectorId 0 and the valid idTag (step 1)
    Then the Charge Point answers ReserveNow.conf with status "Accepted" (step 2)
    And the Charge Point sends StatusNotification.req with status "Reserved" (step 3)
    When the Central System starts a transaction for the valid idTag on the connector under test remotely, and the cable is plugged in (step 5)
    Then the Charge Point sends StartTransaction.req for the valid idTag with the reservationId of the reservation, and StatusNotification.req with status "Charging" (step 5)

  @TC_050_1_CS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_050_1_CS Reservation of a Charge Point - Faulted
    Given the Charge Point is booted and idle
    And the Charge Point supports reservations of connector 0
    And the Charge Point is Faulted
    When the Central System sends ReserveNow.req for connectorId 0 and the valid idTag (step 1)
    Then the Charge Point answers ReserveNow.conf with status "Faulted" (step 2)

  @TC_050_2_CS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_050_2_CS Reservation of a Charge Point - Occupied
    Given the Charge Point is booted and idle
    And the Charge Point supports reservations of connector 0
    And every connector is Occupied
    When the Central System sends ReserveNow.req for connectorId 0 and the valid idTag (step 1)
    Then the Charge Point answers ReserveNow.conf with status "Occupied" (step 2)

  @TC_050_3_CS @spec=OCPP-1.6-5.13
  Scenario: TC_050_3_CS Reservation of a Charge Point - Unavailable
    Given the Charge Point is booted and idle
    And the Charge Point supports reservations of connector 0
    And the Charge Point is Unavailable
    When the Central System sends ReserveNow.req for connectorId 0 and the valid idTag (step 1)
    Then the Charge Point answers ReserveNow.conf with status "Unavailable" (step 2)


  @TC_051_CS @operator @spec=OCPP-1.6-5.1
  Scenario: TC_051_CS Cancel Reservation
    Given the Charge Point is booted and idle
    And the connector under test is reserved for the valid idTag
    When the Central System sends CancelReservation.req for the reservation (step 1)
    Then the Charge Point answers CancelReservation.conf with status "Accepted" (step 2)
    And the Charge Point sends StatusNotification.req with status "Available" for the cancelled reservation (step 3)
    When the Central System starts a transaction for the second valid idTag on the connector under test remotely, and the cable is plugged in (step 5)
    Then the Charge Point sends StartTransaction.req for the second valid idTag without a reservationId, and StatusNotification.req with status "Charging" (step 5)

  @TC_052_CS @spec=OCPP-1.6-5.1
  Scenario: TC_052_CS Cancel Reservation - Rejected
    Given the Charge Point is booted and idle
    And the connector under test is reserved for the valid idTag
    When the Central System sends CancelReservation.req for a reservationId the Charge Point does not have (step 1)
    Then the Charge Point answers CancelReservation.conf with status "Rejected" (step 2)
    And the connector under test stays Reserved

  @TC_053_CS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_053_CS Use a reserved Connector with parentIdTag
    Given the Charge Point is booted and idle
    And the connectors other than the connector under test are Unavailable
    When the Central System sends ReserveNow.req for the connector under test and the valid idTag, with parentIdTag the parent idTag (step 1)
    Then the Charge Point answers ReserveNow.conf with status "Accepted" (step 2)
    And the Charge Point sends StatusNotification.req with status "Reserved" (step 3)
    When the EV driver is authorized with the child idTag at the reserved connector (step 5)
    And the EV driver plugs in the cable (step 6)
    Then the Charge Point sends StartTransaction.req for the child idTag with the reservationId of the reservation, and StatusNotification.req with status "Charging" (steps 7 and 9)

  @TC_053_1_CS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_053_1_CS Use a reserved Connector with parentIdTag - Local
    Given the Charge Point is booted and idle
    And the connectors other than the connector under test are Unavailable
    When the Central System sends ReserveNow.req for the connector under test and the valid idTag, with parentIdTag the parent idTag (step 1)
    Then the Charge Point answers ReserveNow.conf with status "Accepted" (step 2)
    And the Charge Point sends StatusNotification.req with status "Reserved" (step 3)
    When the EV driver plugs in the cable
    And the EV driver presents the child idTag
    Then the Charge Point sends Authorize.req for the child idTag
    And the Charge Point sends StartTransaction.req for the child idTag with the reservationId of the reservation, and StatusNotification.req with status "Charging"

  @TC_053_2_CS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_053_2_CS Use a reserved Connector with parentIdTag - Remote
    Given the Charge Point is booted and idle
    And the connectors other than the connector under test are Unavailable
    When the Central System sends ReserveNow.req for the connector under test and the valid idTag, with parentIdTag the parent idTag (step 1)
    Then the Charge Point answers ReserveNow.conf with status "Accepted" (step 2)
    And the Charge Point sends StatusNotification.req with status "Reserved" (step 3)
    When the Central System starts a transaction for the child idTag on the connector under test remotely, and the cable is plugged in
    Then the Charge Point sends StartTransaction.req for the child idTag with the reservationId of the reservation, and StatusNotification.req with status "Charging"
