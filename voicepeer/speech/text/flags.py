"""Flag emoji by what they are the flag of: "flag of Ireland", not two "regional indicator"
letters, each once taken for a flag of its own ("Greetings from 2 flag emoji")."""

from __future__ import annotations

REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)
"""The letters A to Z that make a flag in pairs: 🇮 🇪 is Ireland's."""
TAGS = range(0xE0020, 0xE0080)
"""Invisible letters after 🏴 that make a region's flag (England's is 🏴 g b e n g, then
the end tag)."""
_COUNTRIES = {
    "GB": "the United Kingdom",
    "IE": "Ireland",
    "US": "the United States",
    "CA": "Canada",
    "AU": "Australia",
    "NZ": "New Zealand",
    "ZA": "South Africa",
    "IN": "India",
    "PK": "Pakistan",
    "BD": "Bangladesh",
    "NG": "Nigeria",
    "GH": "Ghana",
    "KE": "Kenya",
    "JM": "Jamaica",
    "FR": "France",
    "DE": "Germany",
    "ES": "Spain",
    "PT": "Portugal",
    "IT": "Italy",
    "NL": "the Netherlands",
    "BE": "Belgium",
    "CH": "Switzerland",
    "AT": "Austria",
    "PL": "Poland",
    "SE": "Sweden",
    "NO": "Norway",
    "DK": "Denmark",
    "FI": "Finland",
    "IS": "Iceland",
    "GR": "Greece",
    "CY": "Cyprus",
    "MT": "Malta",
    "TR": "Turkey",
    "UA": "Ukraine",
    "RO": "Romania",
    "CN": "China",
    "HK": "Hong Kong",
    "JP": "Japan",
    "PH": "the Philippines",
    "BR": "Brazil",
    "MX": "Mexico",
    "AR": "Argentina",
    "IL": "Israel",
    "AE": "the United Arab Emirates",
    "EU": "the European Union",
    "UN": "the United Nations",
}
_REGIONS = {"gbeng": "England", "gbsct": "Scotland", "gbwls": "Wales"}


def country_flag(first: str, second: str) -> str:
    """The flag of two regional indicator letters."""
    code = "".join(chr(ord("A") + ord(c) - REGIONAL_INDICATORS.start) for c in (first, second))
    country = _COUNTRIES.get(code)
    return f"flag of {country}" if country else "flag"


def region_flag(tags: str) -> str:
    """The flag 🏴 and the tag letters after it (without the end tag) make."""
    code = "".join(chr(ord(c) - TAGS.start + 0x20) for c in tags)
    region = _REGIONS.get(code)
    return f"flag of {region}" if region else "flag"
