"""Dari (다리): an English/Korean side-by-side reader with offline translation."""

__version__ = "0.1.0"
APP_NAME = "Dari"
ORG_NAME = "Dari"
ORG_DOMAIN = "dari.invalid"
