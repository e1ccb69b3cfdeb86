"""DICOM input: the one reading path (gate → study → series → volume → windowing) and PACS transport."""
