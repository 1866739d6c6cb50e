"""The map of a debate: who agrees with, disagrees with, criticises or concedes to whom.

:mod:`graph` builds it from a reading's index (pure); :mod:`render` draws it as a PNG with
Pillow; :mod:`bench` measures that.
"""
