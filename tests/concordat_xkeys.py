"""concordat_xkeys.py: keys pressed in Concordat's window as a user presses
them, through the X server's XTest extension, for the tests and for
tools/screenshot.sh.  With no window manager to give the window the
keyboard, it is given by hand first.

SPDX-License-Identifier: GPL-3.0-or-later
"""

import ctypes
import ctypes.util
import re
import subprocess
import time

NAMES = {'alt': 'Alt_L', 'ctrl': 'Control_L', 'shift': 'Shift_L'}


class _Keyboard:
    def __init__(self):
        self.x11 = ctypes.CDLL(ctypes.util.find_library('X11'))
        self.xtst = ctypes.CDLL(ctypes.util.find_library('Xtst'))
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XStringToKeysym.restype = ctypes.c_ulong
        self.x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self.x11.XSetInputFocus.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong]
        self.x11.XFlush.argtypes = [ctypes.c_void_p]
        self.x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
        self.display = self.x11.XOpenDisplay(None)

    def focus_concordat(self):
        tree = subprocess.run(['xwininfo', '-root', '-tree'], capture_output=True, text=True,
                              check=False).stdout
        window = int(re.search(r'(0x[0-9a-f]+) "Concordat": \("concordat"', tree).group(1), 16)
        self.x11.XSetInputFocus(self.display, window, 1, 0)
        self.x11.XFlush(self.display)
        time.sleep(0.5)

    def combo(self, keys):
        """Presses keys together, such as 'ctrl+w', and lets them go."""
        codes = [self.x11.XKeysymToKeycode(self.display, self.x11.XStringToKeysym(NAMES.get(k, k).encode()))
                 for k in keys.split('+')]
        for code in codes:
            self.xtst.XTestFakeKeyEvent(self.display, code, True, 0)
        for code in reversed(codes):
            self.xtst.XTestFakeKeyEvent(self.display, code, False, 0)
        self.x11.XFlush(self.display)

    def close(self):
        self.x11.XCloseDisplay(self.display)


def press(combos, pause=0.3):
    """Each of @combos in turn in Concordat's window, such as ['alt+3', 'alt+b']."""
    keyboard = _Keyboard()
    keyboard.focus_concordat()
    for keys in combos:
        keyboard.combo(keys)
        time.sleep(pause)
    keyboard.close()


def type_text(text):
    """@text, one letter at a time, in Concordat's window."""
    press(list(text), pause=0.05)
