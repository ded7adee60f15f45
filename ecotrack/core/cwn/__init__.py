"""CitiesWithNature: reference data (Action Platform, Nature Pathway, awards) and report import."""
