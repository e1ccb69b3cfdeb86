"""carepath.tools: the MedGemma skills (one module each, each ending with its
``SkillSpec``), with DICOM reading in ``tools.dicom`` and the other input
readers (lab PDFs, FHIR bundles, slides, LOINC codes) in ``tools.sources``.

Agent front ends (LangChain tools, MCP) live in ``carepath.integrations``."""
