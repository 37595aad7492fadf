"""Sourcewise: a media-literacy teaching module built on one annotated case study."""

__version__ = "0.1.0"
