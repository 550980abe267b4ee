"""Sample corpus generator: realistic health administrative penalty case files with ground truth.

Invented cases (卫生健康行政处罚案卷) in four provincial visual templates, twelve violation types
with provisions and fines correct for the act date (law registry in checklists/law), ordinary
and simple procedure, working-day dates that respect the statutory periods in clean files, and
defects injected from ``checklists/defects.yaml`` with where each shows.

``samples/`` is not a Python package: ``audit.samples_cli`` loads this folder by path as the
package ``casegen``. Modules:

- ``util``: check characters, numerals, money in capitals, working days
- ``world``: districts, agencies, people, organisations (all invented)
- ``law``: violation types and their provisions by date; procedural law by date
- ``stories``: the facts, findings, interview and evidence of each violation type
- ``templates``: the provincial visual templates and local profiles
- ``scenario``: one case before it is drawn; clean-file invariants (``check_clean``)
- ``defects``: one injector per defect type
- ``layout``, ``docs``, ``render``: drawing the text-layer PDF
- ``truth``: truth.json (the extraction contract's keys with document and page)
- ``build``, ``corpus``: random sets and the committed curated set; scanned renderings via
  ``samples/scan.py``
"""

from .build import build, build_corpus, generate, make_case, scan_module, write

__all__ = ["build", "build_corpus", "generate", "make_case", "scan_module", "write"]
