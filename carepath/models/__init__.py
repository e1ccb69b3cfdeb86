"""Model backends: the one place where MedGemma, MedASR and fallbacks are loaded and called."""
