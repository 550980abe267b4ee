"""Renderers of what users read. One function per format; registered by name."""
