"""knowledge: analyst-editable data files (outlets, actors, patterns) and their loaders."""
