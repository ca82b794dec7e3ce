;;; ssrlint.el --- ssrlint's language server with eglot  -*- lexical-binding: t; -*-

;; eglot runs one server per buffer: this makes ssrlint the server for
;; TypeScript and JavaScript buffers. To keep typescript-language-server as
;; well, use a multiplexer (e.g. rassumfrassum) or lsp-mode, which runs
;; add-on servers next to the main one.

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((typescript-ts-mode tsx-ts-mode js-ts-mode typescript-mode js-mode js-jsx-mode)
                 . ("ssrlint" "lsp"))))

;; Then M-x eglot in a .ts/.tsx/.js/.jsx buffer, or:
;; (add-hook 'tsx-ts-mode-hook #'eglot-ensure)

(provide 'ssrlint)
;;; ssrlint.el ends here
