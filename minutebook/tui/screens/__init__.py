"""The screens of the Minutebook app."""
