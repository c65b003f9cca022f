"""`dossier extract` and `dossier schema`."""
