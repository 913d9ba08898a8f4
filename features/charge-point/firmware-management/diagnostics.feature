@sut:charge-point @feature-profile:FirmwareManagement
Feature: Diagnostics (test case document §2.19)
  On GetDiagnostics.req the Charge Point answers with the name of the file it will upload, uploads that one file into
  the location given (here the upload directory of the harness's file server, over the first protocol the SUT file
  lists for diagnostics) and reports the upload with DiagnosticsStatusNotification.req: Uploading, then Uploaded or
  UploadFailed (OCPP 1.6 §5.9, §4.4, errata §3.31). The file must arrive, be non-empty and carry the announced name.

  @TC_045_1_CS @spec=OCPP-1.6-5.9
  Scenario: TC_045_1_CS Get Diagnostics
    Given the Charge Point is booted
    When the Central System sends GetDiagnostics.req for the upload directory of its file server (step 1)
    Then the Charge Point answers GetDiagnostics.conf (step 2)
    And the Charge Point sends DiagnosticsStatusNotification.req with status "Uploading" (step 3)
    And the Charge Point sends DiagnosticsStatusNotification.req with status "Uploaded" (step 5)
    And the Charge Point has uploaded a non-empty diagnostics file named as its GetDiagnostics.conf said

  @TC_045_2_CS @spec=OCPP-1.6-5.9
  Scenario: TC_045_2_CS Get Diagnostics - Upload Failed
    Given the Charge Point is booted
    When the Central System sends GetDiagnostics.req for a location that refuses the connection, with retries 0 (step 1)
    Then the Charge Point answers GetDiagnostics.conf (step 2)
    And the Charge Point sends DiagnosticsStatusNotification.req with status "Uploading" (step 3)
    And the Charge Point sends DiagnosticsStatusNotification.req with status "UploadFailed" (step 5)
