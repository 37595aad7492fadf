"""Support shared by the exercises' checks: the catalogue, item loading and scoring."""
