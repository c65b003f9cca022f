"""Accuracy evaluations, run by `make eval`: each `*_eval.py` module has a `main()`."""
