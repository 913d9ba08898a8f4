@sut:central-system @feature-profile:Reservation
Feature: Reservation (test case document §3.17)
  The CSMS operator reserves a connector, or any connector of the emulated Charge Point (connector 0), for an idTag
  or a group of idTags, and cancels a reservation (OCPP 1.6 §5.13, §5.1). The ReserveNow.req carries what the operator
  chose and an expiryDate with a time-zone offset in the future (§3.15); CancelReservation.req names the reservation.
  The Central System takes the Charge Point's answers: a reservation Accepted is used by a StartTransaction.req with
  its reservationId, or expires; one refused (Faulted, Occupied, Unavailable, Rejected) is not made, and there is
  nothing to cancel; a cancel Rejected changes nothing. A card of the reserving group is accepted with its parentIdTag.

  @TC_046_CSMS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_046_CSMS Reservation of a Connector - Transaction
    Given the emulated Charge Point is booted
    When the CSMS operator reserves connector 1 for the valid idTag
    Then the emulated Charge Point receives ReserveNow.req for the reservation the CSMS operator asked for (step 1)
    And the emulated Charge Point has answered ReserveNow.req with status "Accepted" (step 2)
    When the emulated Charge Point sends StatusNotification.req with status "Reserved" for connector 1 (step 3)
    Then the Central System responds with StatusNotification.conf (step 4)
    When the emulated Charge Point charges on connector 1 with the valid idTag using the reservation (step 5)

  @TC_047_CSMS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_047_CSMS Reservation of a Connector - Expire
    Given the emulated Charge Point is booted
    When the CSMS operator reserves connector 1 for the valid idTag, expiring in 4 seconds
    Then the emulated Charge Point receives ReserveNow.req for the reservation the CSMS operator asked for (step 1)
    And its expiryDate is the time the CSMS operator chose (step 1)
    And the emulated Charge Point has answered ReserveNow.req with status "Accepted" (step 2)
    When the emulated Charge Point sends StatusNotification.req with status "Reserved" for connector 1 (step 3)
    Then the Central System responds with StatusNotification.conf (step 4)
    When the reservation expires and the emulated Charge Point sends StatusNotification.req with status "Available" (step 5)
    Then the Central System responds with StatusNotification.conf (step 6)

  @TC_048_1_CSMS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_048_1_CSMS Reservation of a Connector - Faulted
    Given the emulated Charge Point is booted
    And the emulated Charge Point will answer ReserveNow.req with status "Faulted"
    When the CSMS operator reserves connector 1 for the valid idTag
    Then the emulated Charge Point receives ReserveNow.req for the reservation the CSMS operator asked for (step 1)
    And the emulated Charge Point has answered ReserveNow.req with status "Faulted" (step 2)
    And the Central System sends no CancelReservation.req for the reservation that was not made

  @TC_048_2_CSMS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_048_2_CSMS Reservation of a Connector - Occupied
    Given the emulated Charge Point is booted
    When the emulated Charge Point sends StatusNotification.req with status "Preparing" for connector 1 (step 1)
    Then the Central System responds with StatusNotification.conf (step 2)
    When the CSMS operator reserves connector 1 for the valid idTag
    Then the emulated Charge Point receives ReserveNow.req for the reservation the CSMS operator asked for (step 3)
    And the emulated Charge Point has answered ReserveNow.req with status "Occupied" (step 4)
    And the Central System sends no CancelReservation.req for the reservation that was not made

  @TC_048_3_CSMS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_048_3_CSMS Reservation of a Connector - Unavailable
    Given the emulated Charge Point is booted
    When the CSMS operator makes connector 1 Inoperative
    Then the emulated Charge Point receives ChangeAvailability.req making connector 1 Inoperative (step 1)
    And the emulated Charge Point has answered ChangeAvailability.req with status "Accepted" (step 2)
    When the emulated Charge Point sends StatusNotification.req with status "Unavailable" for connector 1 (step 3)
    Then the Central System responds with StatusNotification.conf (step 4)
    When the CSMS operator reserves connector 1 for the valid idTag
    Then the emulated Charge Point receives ReserveNow.req for the reservation the CSMS operator asked for (step 5)
    And the emulated Charge Point has answered ReserveNow.req with status "Unavailable" (step 6)
    And the Central System sends no CancelReservation.req for the reservation that was not made

  @TC_048_4_CSMS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_048_4_CSMS Reservation of a Connector - Rejected
    Given the emulated Charge Point is booted
    And the emulated Charge Point will answer ReserveNow.req with status "Rejected"
    When the CSMS operator reserves connector 1 for the valid idTag
    Then the emulated Charge Point receives ReserveNow.req for the reservation the CSMS operator asked for (step 1)
    And the emulated Charge Point has answered ReserveNow.req with status "Rejected" (step 2)
    And the Central System sends no CancelReservation.req for the reservation that was not made

  @TC_049_CSMS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_049_CSMS Reservation of a Charge Point - Transaction
    Given the emulated Charge Point is booted
    When the CSMS operator reserves connector 0 for the valid idTag
    Then the emulated Charge Point receives ReserveNow.req for the reservation the CSMS operator asked for (step 1)
    And the emulated Charge Point has answered ReserveNow.req with status "Accepted" (step 2)
    When the emulated Charge Point sends StatusNotification.req with status "Reserved" for connector 1 (step 3)
    Then the Central System responds with StatusNotification.conf (step 4)
    When the emulated Charge Point charges on connector 1 with the valid idTag using the reservation

  @TC_051_CSMS @operator @spec=OCPP-1.6-5.1
  Scenario: TC_051_CSMS Cancel Reservation
    Given the emulated Charge Point is booted
    When the CSMS operator reserves connector 1 for the valid idTag
    Then the emulated Charge Point receives ReserveNow.req for the reservation the CSMS operator asked for (step 1)
    And the emulated Charge Point has answered ReserveNow.req with status "Accepted" (step 2)
    When the emulated Charge Point sends StatusNotification.req with status "Reserved" for connector 1 (step 3)
    Then the Central System responds with StatusNotification.conf (step 4)
    When the CSMS operator cancels the reservation
    Then the emulated Charge Point receives CancelReservation.req for the reservation (step 5)
    And the emulated Charge Point has answered CancelReservation.req with status "Accepted" (step 6)
    When the emulated Charge Point sends StatusNotification.req with status "Available" for connector 1 (step 7)
    Then the Central System responds with StatusNotification.conf (step 8)

  @TC_052_CSMS @operator @spec=OCPP-1.6-5.1
  Scenario: TC_052_CSMS Cancel Reservation - Rejected
    Given the emulated Charge Point is booted
    When the CSMS operator reserves connector 1 for the valid idTag
    Then the emulated Charge Point receives ReserveNow.req for the reservation the CSMS operator asked for (step 1)
    And the emulated Charge Point has answered ReserveNow.req with status "Accepted" (step 2)
    When the emulated Charge Point sends StatusNotification.req with status "Reserved" for connector 1 (step 3)
    Then the Central System responds with StatusNotification.conf (step 4)
    When the CSMS operator cancels a reservation the Charge Point does not have
    Then the emulated Charge Point receives CancelReservation.req for a reservation it does not have (step 5)
    And the emulated Charge Point has answered CancelReservation.req with status "Rejected" (step 6)

  @TC_053_CSMS @operator @spec=OCPP-1.6-5.13
  Scenario: TC_053_CSMS Use a reserved Connector with parentIdTag
    Given the emulated Charge Point is booted
    When the CSMS operator reserves connector 1 for the child idTag with the parent idTag as parentIdTag
    Then the emulated Charge Point receives ReserveNow.req for the reservation the CSMS operator asked for (step 1)
    And the emulated Charge Point has answered ReserveNow.req with status "Accepted" (step 2)
    When the emulated Charge Point sends StatusNotification.req with status "Reserved" for connector 1 (step 3)
    Then the Central System responds with StatusNotification.conf (step 4)
    When the emulated Charge Point charges on connector 1 with the child idTag using the reservation (step 5)
    And the emulated Charge Point sends Authorize.req for the second child idTag (step 6)
    Then the Central System responds with Authorize.conf with idTagInfo status "Accepted" and the parent idTag as parentIdTag (step 7)
    When the emulated Charge Point sends StopTransaction.req with reason "Local" for connector 1 by the second child idTag (step 8)
    Then the Central System responds with StopTransaction.conf (step 9)
    When the emulated Charge Point sends StatusNotification.req with status "Finishing" for connector 1 (step 10)
    Then the Central System responds with StatusNotification.conf (step 11)

  @EXT_CSMS_RES_001 @operator @spec=OCPP-1.6-5.13
  Scenario: EXT_CSMS_RES_001 A second reservation of a Charge Point gets a reservationId of its own
    Given the emulated Charge Point is booted
    When the CSMS operator reserves connector 1 for the valid idTag
    Then the emulated Charge Point receives ReserveNow.req for the reservation the CSMS operator asked for
    And the emulated Charge Point has answered ReserveNow.req with status "Accepted"
    When the CSMS operator reserves connector 2 for the second valid idTag
    Then the emulated Charge Point receives ReserveNow.req for the reservation the CSMS operator asked for
    And the second ReserveNow.req carries a reservationId of its own
