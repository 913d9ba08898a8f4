@sut:central-system @feature-profile:Core
Feature: WebSocket subprotocol negotiation (2025 revision of the test case document)
  The charge point offers OCPP versions as WebSocket subprotocols when it opens the connection; the Central System
  selects one it speaks (OCPP-J 1.6 §3.1.2, §3.2). Offered only a version it does not speak, it must not accept the
  connection in that version; offered a list with ocpp1.6 in it, it must select ocpp1.6.

  @TC_088_CSMS @spec=OCPP-J-1.6-3.2
  Scenario: TC_088_CSMS WebSocket Subprotocol negotiation
    When the emulated Charge Point connects offering the subprotocols "ocpp0.1" (step 1)
    Then the Central System refuses the connection (step 2)
    When the emulated Charge Point connects offering the subprotocols "ocpp0.1, ocpp1.6" (step 3)
    Then the Central System selects the subprotocol "ocpp1.6" (step 4)
    When the emulated Charge Point sends BootNotification.req
    Then the Central System responds with BootNotification.conf with status "Accepted"
