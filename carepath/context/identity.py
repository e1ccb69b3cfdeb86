"""The small value types every context record shares: an identifier with its
assigning authority, a person's name, a coded concept and a clinician.

Kept apart from the records so the DICOM, FHIR and request readers and the
HL7/FHIR writers all speak the same few shapes (one spelling of "who assigned
this id" instead of one per standard).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

UniversalIdType = Literal["ISO", "URI", "UUID", "DNS", "EUI64", "X400", "X500"]

# DICOM coding scheme designators → FHIR code systems (PS3.16 Table 8-1).
CODE_SYSTEMS: dict[str, str] = {
    "LN": "http://loinc.org",
    "SCT": "http://snomed.info/sct",
    "RADLEX": "http://radlex.org",
    "DCM": "http://dicom.nema.org/resources/ontology/DCM",
    "C4": "http://www.ama-assn.org/go/cpt",
    "I10P": "http://www.cms.gov/Medicare/Coding/ICD10",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean(value: object) -> str | None:
    """Header text as a value, or None when absent or blank. DICOM pads with
    spaces and NULs and writers often store "" for unknown (Type 2): none of
    that is a value, and an empty identifier must never pass for a real one."""
    if value is None:
        return None
    text = _CONTROL.sub("", str(value)).strip()
    return text or None


class Identifier(BaseModel):
    """An identifier and the authority that assigned it: the same MRN from two
    hospitals names two different people, so the issuer travels with the
    value (DICOM Issuer of Patient ID, HL7 CX-4 / EI-2..4, FHIR system)."""

    model_config = ConfigDict(frozen=True)

    value: str = Field(min_length=1, max_length=64)
    namespace: str | None = Field(None, max_length=64,
                                  description="local name of the assigning authority (HD-1)")
    universal_id: str | None = Field(None, max_length=199,
                                     description="OID or URI of the assigning authority (HD-2)")
    universal_id_type: UniversalIdType | None = Field(None, description="HD-3")

    @property
    def system(self) -> str | None:
        """The FHIR ``identifier.system`` this authority maps to, if known."""
        if self.universal_id and self.universal_id_type == "ISO":
            return f"urn:oid:{self.universal_id}"
        if self.universal_id and self.universal_id_type == "UUID":
            return f"urn:uuid:{self.universal_id}"
        if self.universal_id and self.universal_id_type == "URI":
            return self.universal_id
        return None

    def conflicts_with(self, other: Identifier) -> bool:
        """True when the two cannot name the same thing: different values, or
        the same value from authorities that are both stated and differ in
        the same form (a namespace is not compared with an OID)."""
        if self.value != other.value:
            return True
        if self.namespace and other.namespace and self.namespace != other.namespace:
            return True
        return bool(self.universal_id and other.universal_id and self.universal_id != other.universal_id)

    def completed_by(self, other: Identifier) -> Identifier:
        """This identifier with authority parts only ``other`` states."""
        return self.model_copy(update={
            "namespace": self.namespace or other.namespace,
            "universal_id": self.universal_id or other.universal_id,
            "universal_id_type": self.universal_id_type or other.universal_id_type,
        })


class PersonName(BaseModel):
    """A person's name in parts, as DICOM PN and HL7 XPN/XCN carry it."""

    model_config = ConfigDict(frozen=True)

    family: str | None = None
    given: str | None = None
    middle: str | None = None
    prefix: str | None = None
    suffix: str | None = None

    @property
    def display(self) -> str:
        parts = [self.prefix, self.given, self.middle, self.family, self.suffix]
        return " ".join(p for p in parts if p)

    def family_key(self) -> str | None:
        """The family name folded for comparison (case, accents, spacing and
        punctuation differ between a PACS and a registration system)."""
        if not self.family:
            return None
        folded = unicodedata.normalize("NFKD", self.family).casefold()
        return "".join(ch for ch in folded if ch.isalnum()) or None

    def is_empty(self) -> bool:
        return not any((self.family, self.given, self.middle, self.prefix, self.suffix))


class Code(BaseModel):
    """A coded concept (DICOM code item, HL7 CE, FHIR Coding)."""

    model_config = ConfigDict(frozen=True)

    value: str = Field(min_length=1, max_length=64)
    scheme: str | None = Field(None, description="DICOM coding scheme designator, e.g. LN, SCT, or a local one")
    meaning: str | None = None

    @property
    def system(self) -> str | None:
        """The FHIR code system URI for the scheme, when it is a known one."""
        return CODE_SYSTEMS.get(self.scheme or "")


class Clinician(BaseModel):
    """A clinician by identifier and/or name (referring physician, signer)."""

    model_config = ConfigDict(frozen=True)

    id: Identifier | None = None
    name: PersonName | None = None

    @property
    def display(self) -> str:
        return (self.name.display if self.name else "") or (self.id.value if self.id else "")
