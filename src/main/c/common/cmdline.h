/* The raw Windows command line, shared by the hook and the launcher. */
#ifndef CLICK2CALL_CMDLINE_H
#define CLICK2CALL_CMDLINE_H

#include <wchar.h>

/* The raw tail after argv[0] and the whitespace that follows it, by CommandLineToArgvW's rule for
 * the program name: quoted up to the next quote, else up to a space or tab. */
const wchar_t *cmdline_after_program(const wchar_t *c);

#endif
