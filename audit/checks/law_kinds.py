"""Check kinds for legal application (法律适用), backed by the law registry in ``audit.law``."""
