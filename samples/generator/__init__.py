"""Sample generator: realistic health administrative penalty case files with ground truth.

Invented cases (卫生健康行政处罚案卷) in four provincial visual templates, twelve violation types
with provisions and fines correct for the act date (law registry in checklists/law), ordinary
and simple procedure, working-day dates that respect the statutory periods in clean files, and
defects injected from ``checklists/defects.yaml`` with where each shows.

``samples/`` is not a Python package: ``audit.samples_cli.load_generator`` loads this folder by
path as the package ``casegen`` (the one loader for the CLI, the Makefile, the benchmarks and
the tests). Importing the package loads nothing else; its modules:

- ``util``: check characters, numerals, money in capitals, working days
- ``world``: districts, agencies, people, organisations (all invented)
- ``law``: violation types and their provisions by date; procedural law by date
- ``stories``: the facts, findings, interview and evidence of each violation type
- ``templates``: the provincial visual templates and local profiles
- ``scenario``: one case before it is drawn; clean-file invariants (``check_clean``)
- ``defects``: the defect injectors (a table of text substitutions, and coded ones)
- ``layout``, ``docs``, ``render``: drawing the text-layer PDF
- ``truth``: truth.json (the extraction contract's keys with document and page)
- ``build``, ``corpus``: random sets and the committed curated set (``samples/corpus``)
- ``handmade``: the three hand-made cases of ``samples/cases`` (every sentence in cases.yaml)
- ``scan``: scanned renderings and page images (also a script: ``python samples/generator/scan.py``)
"""
