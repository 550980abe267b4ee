"""The curated corpus committed under ``samples/corpus`` (rebuild: ``audit samples corpus``).

Each entry fixes what must be covered (template, violation, procedure, year, defects, scan
plan); everything else is drawn from the entry's seed. Together the entries cover the four
templates, all twelve violation types, both procedures, cases before and after the 2021
行政处罚法, the 2022 医疗机构管理条例 and the 2024 行政复议法 boundaries, a hearing held, clean
files, and 60 of the defect catalogue's types. ``options`` pick an injector's variant.

Renderings: every case gets text.pdf, truth.json and scanned.pdf (an entry may say
``"scanned": False``). Scans are stored ``compact`` (the high-compression PDF of office
scanners: 1-bit G4 text masks at 200 dpi over a 50 dpi paper image, about 20-40 KB a page)
unless the entry's ``scan`` says ``"storage": "colour"`` (full-page JPEGs, about 100 KB a
page: one short case keeps that look); photographed pages are JPEG photos either way. Pages
turned or photographed come from the entry's ``scan`` or are drawn from its seed
(``build.scan_plan``). Two simple cases also carry ``pages/`` (one JPEG per page).
"""

from __future__ import annotations

CORPUS: list[dict] = [
    # clean files
    {"case_id": "zj-ord-2022-medinst-staff", "seed": "corpus:1", "template": "zhejiang", "violation": "medinst_staff",
     "procedure": "ordinary", "year": 2022, "month": 9, "defects": [], "defence": "raised"},
    {"case_id": "js-ord-2021-medinst-scope", "seed": "corpus:2", "template": "jiangsu", "violation": "medinst_scope",
     "procedure": "ordinary", "year": 2021, "month": 3, "defects": [], "complaint": True},
    {"case_id": "zj-simple-2024-publicplace", "seed": "corpus:3", "template": "zhejiang",
     "violation": "publicplace_health_cert", "procedure": "simple", "year": 2024, "defects": [], "images": True},
    {"case_id": "sc-ord-2023-unlicensed-hearing", "seed": "corpus:4", "template": "sichuan",
     "violation": "medinst_unlicensed", "procedure": "ordinary", "year": 2023, "defects": [], "hearing_held": True},
    # files with injected defects
    {"case_id": "gd-ord-2024-occupational", "seed": "corpus:5", "template": "guangdong",
     "violation": "occupational_undeclared", "procedure": "ordinary", "year": 2024,
     "defects": ["review_body_wrong", "amount_capitals_digits_mismatch", "interview_rights_missing",
                 "page_numbering", "credit_code_mismatch", "closing_elements_missing"],
     "scan": {"rotations": {"3": 90}, "photographed": [8]}},
    {"case_id": "js-ord-2023-water", "seed": "corpus:6", "template": "jiangsu", "violation": "water_quality",
     "procedure": "ordinary", "year": 2023,
     "defects": ["test_result_not_notified", "facts_contradict", "late_service", "violation_basis_mismatch",
                 "blank_fields", "party_address_mismatch"], "options": {"blank_fields": "receipt"}},
    {"case_id": "sc-ord-2022-disinfection", "seed": "corpus:7", "template": "sichuan",
     "violation": "infection_disinfection", "procedure": "ordinary", "year": 2022,
     "defects": ["penalty_kind_not_allowed", "single_officer", "missing_document", "record_contains_conclusion",
                 "missing_violated_or_basis", "legal_representative_mismatch"],
     "options": {"missing_document": "file_remarks"}, "scan": {"rotations": {"5": 180}}},
    {"case_id": "gd-ord-2022-waste", "seed": "corpus:8", "template": "guangdong", "violation": "waste_mixing",
     "procedure": "ordinary", "year": 2022,
     "defects": ["old_penalty_law_numbering", "companion_penalty_missing", "date_incomplete", "party_name_mismatch",
                 "case_number_mismatch", "decision_before_defence_period_end"]},
    {"case_id": "zj-simple-2024-waste", "seed": "corpus:9", "template": "zhejiang", "violation": "waste_sorting",
     "procedure": "simple", "year": 2024, "defects": ["review_first_notice_missing", "seal_missing"],
     "images": True},
    {"case_id": "js-ord-2025-radiation", "seed": "corpus:10", "template": "jiangsu",
     "violation": "radiation_health_exam", "procedure": "ordinary", "year": 2025, "month": 7,
     "defects": ["acts_out_of_order", "credit_code_check_digit", "template_residue", "citation_imprecise",
                 "legal_review_missing", "report_elements_missing"], "options": {"acts_out_of_order": "report"}},
    {"case_id": "sc-ord-2023-physician", "seed": "corpus:11", "template": "sichuan", "violation": "physician_scope",
     "procedure": "ordinary", "year": 2023,
     "defects": ["repealed_instrument_cited", "id_number_check_digit", "payment_clause_wrong",
                 "discretion_reason_missing", "hearing_notice_missing", "approval_missing"],
     "scan": {"photographed": [2]}},
    {"case_id": "gd-ord-2024-medinst-scope", "seed": "corpus:12", "template": "guangdong", "violation": "medinst_scope",
     "procedure": "ordinary", "year": 2024,
     "defects": ["superseded_numbering_cited", "closing_before_payment", "no_order_to_correct",
                 "evidence_copy_unattested", "penalty_heavier_than_notice", "record_elements_missing"],
     "defence": "raised"},
    {"case_id": "zj-ord-2024-publicplace-licence", "seed": "corpus:13", "template": "zhejiang",
     "violation": "publicplace_no_licence", "procedure": "ordinary", "year": 2024,
     "defects": ["missing_document", "certificate_missing", "record_time_missing", "remedy_period_wrong",
                 "agency_name_outdated", "index_mismatch"], "options": {"missing_document": "investigation_report"}},
    {"case_id": "sc-simple-2022-waste", "scan": {"storage": "colour"}, "seed": "corpus:14", "template": "sichuan", "violation": "waste_sorting",
     "procedure": "simple", "year": 2022, "defects": ["simple_procedure_misused", "onsite_not_filed"]},
    {"case_id": "js-ord-2024-unlicensed", "seed": "corpus:15", "template": "jiangsu", "violation": "medinst_unlicensed",
     "procedure": "ordinary", "year": 2024, "hearing_held": False, "defence": "raised",
     "defects": ["hearing_not_held", "decision_late", "article_not_found", "cause_mismatch", "case_number_malformed",
                 "lodged_service_unwitnessed", "interviewee_identity_missing"]},
    {"case_id": "zj-ord-2023-waste", "seed": "corpus:16", "template": "zhejiang", "violation": "waste_mixing",
     "procedure": "ordinary", "year": 2023, "defence": "raised", "complaint": True,
     "defects": ["fine_out_of_range", "notice_decision_citation_mismatch", "panel_conclusion_differs",
                 "payment_receipt_mismatch", "defence_not_reviewed", "case_source_inconsistent"]},
]
