"""The ``concept``, ``faq`` and ``concept-index`` directives, each with the transforms that
finish its nodes once the whole page (or the whole project) is known."""
