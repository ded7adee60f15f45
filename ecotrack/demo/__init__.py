"""Demo data: the real reference documents of the first users, and the steps that load them."""
