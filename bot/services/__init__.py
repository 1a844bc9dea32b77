"""Use cases: each public function owns one transaction."""
