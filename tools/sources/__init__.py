"""Non-DICOM input readers: lab-report PDFs, FHIR bundles, whole-slide images, LOINC codes."""
