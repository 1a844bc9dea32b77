"""goalbot: the app wiring, settings, CLI, scheduler and the pure domain."""
