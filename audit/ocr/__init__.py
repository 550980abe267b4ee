"""OCR stage: read pages that have no usable text layer; find seals and signature ink."""
