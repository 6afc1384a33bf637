"""Files a secretary exchanges with Minutebook: terms of reference and meeting
descriptions in YAML (or JSON with the same structure), read into domain models and
written back. Reading never touches the store; problems are reported with their place
in the file."""
