"""Nothing leaves this computer: switch off the telemetry of bundled libraries.

Imported first by the ``audit`` package itself (``audit/__init__.py``), so every process
that may load ONNX Runtime — the CLI, the fork server that preloads it, ``serve``, batch
and Dask workers (which unpickle ``audit`` functions) — has these set before the library
is imported. ONNX Runtime reads ``ORT_DISABLE_TELEMETRY`` (Windows ETW events; its Linux
builds ship no sender, but the switch is free); the rest are the same promise for other
optional engines and tools this package may drive.
"""

from __future__ import annotations

import os

QUIET = {
    "ORT_DISABLE_TELEMETRY": "1",  # onnxruntime
    "DO_NOT_TRACK": "1",  # the common opt-out honoured by many tools
    "HF_HUB_OFFLINE": "1",  # never fetch a model from a hub
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "DISABLE_MODEL_SOURCE_CHECK": "True",  # paddlex: no connectivity check to model hosts
    "PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK": "True",
}


def quiet() -> None:
    """Set every switch not already set by the user."""
    for name, value in QUIET.items():
        os.environ.setdefault(name, value)


quiet()
