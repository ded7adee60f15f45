"""ecotrack: nature commitments and eco-environmental plans, with numbers that can be defended."""
