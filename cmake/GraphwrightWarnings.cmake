# Compiler settings shared by every Graphwright target (not applied to third-party code).
function(graphwright_target_defaults target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
        -Wno-missing-field-initializers) # options structs are filled with designated initializers
    target_compile_definitions(${target} PRIVATE QT_NO_URL_CAST_FROM_STRING QT_NO_KEYWORDS)
endfunction()
