@sut:central-system @feature-profile:FirmwareManagement
Feature: Diagnostics (test case document §3.16)
  The CSMS operator asks the emulated Charge Point for its diagnostics (OCPP 1.6 §5.9). GetDiagnostics.req must name
  an absolute location (§6.25); the emulated Charge Point answers with the name of its diagnostics file, uploads it
  for real to that location — which must take it — and reports each stage with DiagnosticsStatusNotification.req,
  which the Central System answers with an empty .conf (§4.4). For the failed upload the operator is given a location
  of the harness's file server that refuses; the charge point then carries on as normal.

  @TC_045_1_CSMS @operator @spec=OCPP-1.6-5.9
  Scenario: TC_045_1_CSMS Get Diagnostics
    Given the emulated Charge Point is booted
    When the CSMS operator requests the diagnostics of the Charge Point
    Then the emulated Charge Point receives GetDiagnostics.req with an absolute location (step 1)
    When the emulated Charge Point sends DiagnosticsStatusNotification.req with status "Uploading" (step 3)
    Then the Central System responds with an empty DiagnosticsStatusNotification.conf (step 4)
    When the emulated Charge Point uploads its diagnostics file to that location
    And the emulated Charge Point sends DiagnosticsStatusNotification.req with status "Uploaded" (step 5)
    Then the Central System responds with an empty DiagnosticsStatusNotification.conf (step 6)

  @TC_045_2_CSMS @operator @spec=OCPP-1.6-5.9
  Scenario: TC_045_2_CSMS Get Diagnostics - Upload Failed
    Given the emulated Charge Point is booted
    When the CSMS operator requests the diagnostics of the Charge Point to a location that refuses the upload
    Then the emulated Charge Point receives GetDiagnostics.req with an absolute location (step 1)
    When the emulated Charge Point sends DiagnosticsStatusNotification.req with status "Uploading" (step 3)
    Then the Central System responds with an empty DiagnosticsStatusNotification.conf (step 4)
    When the emulated Charge Point fails to upload its diagnostics file to that location
    And the emulated Charge Point sends DiagnosticsStatusNotification.req with status "UploadFailed" (step 5)
    Then the Central System responds with an empty DiagnosticsStatusNotification.conf (step 6)
    When the emulated Charge Point sends Heartbeat.req
    Then the Central System responds with Heartbeat.conf
