"""A printable study guide of a reading: :mod:`content` gathers it from the index (pure);
:mod:`markdown` and :mod:`html` write it out."""
