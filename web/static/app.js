// The translators' desk in the browser. Each module looks for its own part of the page and does
// nothing elsewhere; no inline scripts anywhere (the CSP forbids them).

import "/static/js/session.js";
import "/static/js/statements.js";
import "/static/js/statement.js";
import "/static/js/editor.js";
import "/static/js/review.js";
import "/static/js/admin.js";
import "/static/js/align.js";
import "/static/js/secret.js";
import "/static/js/tokens.js";
import "/static/js/glossary.js";
import "/static/js/memory.js";
import "/static/js/webhooks.js";
