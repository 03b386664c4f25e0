"""Formats are data: every shipped file loads; a malformed file is named with its field."""

from __future__ import annotations

from importlib import resources

import pytest

from notewright import draft
from notewright.drafting import builtin_format_names, load_format
from notewright.drafting.formats import parse_format
from notewright.drafting.model import KINDS
from notewright.errors import DataFileError, InvalidInput, UnknownFormat

CONTRACT_KEYS = {
    "soap": ["S", "O", "A", "P"],
    "dap": ["D", "A", "P"],
    "birp": ["B", "I", "R", "P"],
    "girp": ["G", "I", "R", "P"],
    "pie": ["P", "I", "E"],
}


def test_the_shipped_formats_are_the_contract_formats() -> None:
    assert set(CONTRACT_KEYS) <= set(builtin_format_names())


@pytest.mark.parametrize(("name", "keys"), CONTRACT_KEYS.items())
def test_shipped_format_loads_with_contract_section_keys(name: str, keys: list[str]) -> None:
    fmt = load_format(name)
    assert fmt.name == name
    assert [s.key for s in fmt.sections] == keys
    assert all(s.title.strip() for s in fmt.sections)
    assert fmt.risk_section in keys
    assert fmt.clinician_term == "Clinician" and fmt.client_term == "Client"


@pytest.mark.parametrize("name", sorted(CONTRACT_KEYS))
def test_each_kind_is_held_by_exactly_one_section(name: str) -> None:
    fmt = load_format(name)
    for kind in KINDS:
        holders = [s.key for s in fmt.sections if kind in s.holds]
        assert len(holders) == 1, (name, kind, holders)
        assert fmt.section_for(kind) == holders[0]
    assert "process" not in {k for s in fmt.sections for k in s.holds}


def test_risk_sections_follow_the_contract() -> None:
    assert load_format("soap").risk_section == "A"
    assert load_format("dap").risk_section == "A"
    assert load_format("birp").risk_section in ("B", "R")


def test_format_names_are_case_insensitive() -> None:
    assert load_format("SOAP") is load_format("soap") or load_format("SOAP").name == "soap"


@pytest.mark.parametrize("bad", ["xyz", "soapy", "", "../soap", "soap.toml"])
def test_unknown_format_lists_the_allowed_names(bad: str) -> None:
    with pytest.raises(UnknownFormat) as info:
        draft("Pt reports low mood.", bad)
    err = info.value
    assert isinstance(err, InvalidInput)
    assert err.code == "unknown_format"
    assert err.field == "format"
    for name in CONTRACT_KEYS:
        assert name in err.message
        assert err.allowed is not None and name in err.allowed


def _soap_text() -> str:
    return resources.files("notewright").joinpath("data", "formats", "soap.toml").read_text(
        encoding="utf-8")


def test_a_shipped_file_parses_through_the_same_parser() -> None:
    fmt = parse_format(_soap_text(), "formats/soap.toml")
    assert fmt == load_format("soap")


MALFORMED = [
    ("not toml [[[", None, "not valid TOML"),
    ('title = "X"\nrisk_section = "A"\n[[sections]]\nkey="A"\ntitle="A"\nholds=[]', "name",
     "non-empty string"),
    ('name = "x"\ntitle = "X"\nrisk_section = "A"', "sections", "[[sections]]"),
    ('name = "x"\ntitle = "X"\nrisk_section = "A"\n[[sections]]\ntitle="A"\nholds=[]',
     "sections[1].key", "non-empty string"),
    ('name = "x"\ntitle = "X"\nrisk_section = "A"\n[[sections]]\nkey="A"\ntitle="A"\n'
     'holds="report"', "sections[1].holds", "list of kinds"),
    ('name = "x"\ntitle = "X"\nrisk_section = "A"\n[[sections]]\nkey="A"\ntitle="A"\n'
     'holds=["gossip"]', "sections[1].holds", "unknown kind 'gossip'"),
    ('name = "x"\ntitle = "X"\nrisk_section = "A"\n[[sections]]\nkey="A"\ntitle="A"\n'
     'holds=["report"]\n[[sections]]\nkey="B"\ntitle="B"\nholds=["report"]',
     "sections[2].holds", "already held by section 'A'"),
    ('name = "x"\ntitle = "X"\nrisk_section = "A"\n[[sections]]\nkey="A"\ntitle="A"\n'
     'holds=["report"]', "sections", "not held"),
    ('name = "x"\ntitle = "X"\nrisk_section = "Z"\n[[sections]]\nkey="A"\ntitle="A"\nholds=['
     + ", ".join(f'"{k}"' for k in KINDS) + "]", "risk_section", "not a section key"),
    ('name = "x"\ntitle = "X"\nrisk_section = "A"\n[[sections]]\nkey="A"\nholds=['
     + ", ".join(f'"{k}"' for k in KINDS) + "]", "sections[1].title", "non-empty string"),
]


@pytest.mark.parametrize(("text", "field", "message"), MALFORMED,
                         ids=[m[1] or "toml" for m in MALFORMED])
def test_malformed_format_names_file_and_field(text: str, field: str | None,
                                               message: str) -> None:
    with pytest.raises(DataFileError) as info:
        parse_format(text, "formats/practice.toml")
    err = info.value
    assert err.file == "formats/practice.toml"
    assert err.field == field
    assert "formats/practice.toml" in err.message
    if field:
        assert f"[{field}]" in err.message
    assert message in err.message


def test_a_new_format_is_a_file_not_code() -> None:
    text = ('name = "sirp"\ntitle = "SIRP note"\nrisk_section = "S"\nclinician_term = '
            '"Therapist"\n'
            '[[sections]]\nkey = "S"\ntitle = "Situation"\nholds = ["report", "session", '
            '"observation", "measure", "screening", "assessment"]\n'
            '[[sections]]\nkey = "I"\ntitle = "Intervention"\nholds = ["intervention"]\n'
            '[[sections]]\nkey = "R"\ntitle = "Response"\nholds = ["response"]\n'
            '[[sections]]\nkey = "P"\ntitle = "Plan"\nholds = ["plan"]\n')
    fmt = parse_format(text, "formats/sirp.toml")
    d = draft("I used grounding. Pt reports panic. Denies SI/HI. F/u 1 wk.", fmt)
    assert d.format == "sirp"
    assert [s.key for s in d.sections] == ["S", "I", "R", "P"]
    assert d.text.startswith("SITUATION\n")
    assert "Therapist used grounding." in d.text
    assert d.sections[0].statements[0].text.startswith("Risk assessment:")
