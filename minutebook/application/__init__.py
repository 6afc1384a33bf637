"""The application layer: what the screens ask of Minutebook, carried out with the
domain's rules and the store (docs/architecture.md). No Textual here, and no SQL."""
