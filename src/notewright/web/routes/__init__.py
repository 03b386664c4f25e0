"""Route modules, one per screen family; each exposes `router`."""
