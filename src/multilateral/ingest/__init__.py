"""Reading articles into sourced facts: the stages, in the order `pipeline.extract` runs them."""
