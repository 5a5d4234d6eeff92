"""What readers see: views derived from the model, and the HTML passes over built pages."""
