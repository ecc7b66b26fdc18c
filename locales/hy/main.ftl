# Tandem — հայերեն հաղորդագրություններ։
# Հաղորդագրությունների նույնացուցիչները նույնն են, ինչ ../en/main.ftl ֆայլում (հիմնական տարբերակ)։

## Ընդհանուր

app-name = Tandem
server-listening = Tandem-ը հասանելի է { $url } հասցեով

lang-hy = Հայերեն
lang-en = Անգլերեն
lang-ru = Ռուսերեն

role-admin = Ադմինիստրատոր
role-editor = Խմբագիր
role-translator = Թարգմանիչ
role-reviewer = Ստուգող

state-untranslated = Չթարգմանված
state-draft = Սևագիր
state-translated = Թարգմանված
state-needs-work = Լրամշակման կարիք ունի
state-approved = Հաստատված

## Սխալներ

error-invalid-language =
    { $reason ->
        [language] «{ $tag }» պիտակը լեզվի վավեր պիտակ չէ․ IANA-ի լեզվային ենթապիտակների գրանցամատյանում «{ $subtag }» լեզու չկա։ Նշեք, օրինակ, «hy», «en» կամ «ru»։
        [extlang] «{ $tag }» պիտակը լեզվի վավեր պիտակ չէ․ IANA-ի լեզվային ենթապիտակների գրանցամատյանում այս լեզվի համար «{ $subtag }» ընդլայնված լեզու չկա։
        [script] «{ $tag }» պիտակը լեզվի վավեր պիտակ չէ․ IANA-ի լեզվային ենթապիտակների գրանցամատյանում «{ $subtag }» գիր չկա։
        [region] «{ $tag }» պիտակը լեզվի վավեր պիտակ չէ․ IANA-ի լեզվային ենթապիտակների գրանցամատյանում «{ $subtag }» տարածաշրջան չկա։
        [variant] «{ $tag }» պիտակը լեզվի վավեր պիտակ չէ․ IANA-ի լեզվային ենթապիտակների գրանցամատյանում «{ $subtag }» տարբերակ չկա։
        [repeated] «{ $tag }» պիտակը լեզվի վավեր պիտակ չէ․ «{ $subtag }» ենթապիտակը դրանում երկու անգամ է գրված։
        [not_a_language] «{ $tag }» պիտակը որևէ լեզու չի նշում։ Նշեք, օրինակ, «hy», «en» կամ «ru»։
       *[other] «{ $tag }» արժեքը լեզվի վավեր BCP 47 պիտակ չէ։ Նշեք, օրինակ, «hy», «en» կամ «ru»։
    }
error-unknown-language = «{ $tag }» լեզուն այս սերվերում միացված չէ։ Այն միացնելու համար դիմեք ադմինիստրատորին։
error-language-exists = Այս լեզուն սերվերում արդեն միացված է։
language-tag-replaced = IANA-ի լեզվային ենթապիտակների գրանցամատյանում «{ $requested }» պիտակը գրվում է «{ $tag }», ուստի լեզուն պահպանվել է «{ $tag }» պիտակով։
error-empty-text = Տեքստը դատարկ է կամ պարունակում է միայն բացատներ։
error-payload-too-large = Հարցումը չափազանց մեծ է՝ թույլատրելի առավելագույն չափը { $limit } բայթ է։ Կրճատեք տեքստը և կրկին փորձեք։
error-too-many-segments =
    Տեքստը բաժանվում է { $count ->
        [one] { $count } պարբերության
       *[other] { $count } պարբերության
    }, իսկ թույլատրվում է առավելագույնը { $limit }։ Կրճատեք տեքստը կամ այն բաժանեք մի քանի առանձին հայտարարության։
error-segment-too-long = Պարբերություններից մեկը { $limit } նիշից երկար է։ Բաժանեք այն ավելի կարճ պարբերությունների։
error-unsupported-media-type = Բովանդակության տեսակը (Content-Type) չի աջակցվում։ Ուղարկեք հարցումը { $expected } ձևաչափով։
error-unsupported-media = { $kind ->
        [binary] Սա երկուական տվյալ է, ոչ թե տեքստ։
       *[other] Սա { $kind } ֆայլ է, ոչ թե տեքստ։
    } Տեղադրեք բուն տեքստը կամ պահպանեք փաստաթուղթը որպես պարզ տեքստ (.txt) և վերբեռնեք այդ ֆայլը։
error-invalid-json = Հարցման բովանդակությունը վավեր JSON չէ կամ ունի սխալ կամ անհայտ դաշտեր։
error-invalid-utf8 = Հարցման բովանդակությունը վավեր UTF-8 տեքստ չէ։
error-invalid-input = { $why ->
        [empty] «{ $field }» դաշտը դատարկ է։
        [too_long] «{ $field }» դաշտը { $max } նիշից երկար է։
        [too_short] «{ $field }» դաշտը { $min } նիշից կարճ է։
        [length] «{ $field }» դաշտը պետք է ունենա { $min }-ից { $max } նիշ։
        [range] «{ $field }» դաշտի արժեքը պետք է լինի { $min }-ից { $max } թիվ։
        [one_of] «{ $field }» դաշտի արժեքը պետք է լինի հետևյալներից մեկը՝ «{ $allowed }»։
        [characters] «{ $field }» դաշտում թույլատրվում են միայն տառեր, թվանշաններ և «.», «_», «-» նշանները։
        [base_version_required] Նշեք այն տարբերակը, որի հիման վրա է արված ձեր փոփոխությունը (base_version կամ If-Match)։
        [own_admin] Դուք չեք կարող հանել ձեր սեփական ադմինիստրատորի դերը։
        [comment_required] Նշեք վերադարձնելու պատճառը․ մեկնաբանությունը պարտադիր է։
        [no_revision] Այս միավորը նման խմբագրություն չունի։
        [target_is_source] «{ $lang }» լեզուն բնագրի լեզուն է, ուստի չի կարող թարգմանության լեզու լինել։
        [lang_required] Նշեք թարգմանության լեզուն՝ ?lang= պարամետրով։
        [language_mismatch] Ֆայլը «{ $found }» լեզվով է, ոչ թե «{ $asked }»։
       *[other] «{ $field }» դաշտի արժեքն անվավեր է։
    }
error-invalid-format = Անհայտ տեքստային ձևաչափ՝ «{ $format }»։ Օգտագործեք «text» կամ «markdown»։
error-not-found =
    { $resource ->
        [statement] Հայտարարությունը չի գտնվել։
        [user] Օգտատերը չի գտնվել։
        [paragraph] Պարբերությունը չի գտնվել։
        [sentence] Նախադասությունը չի գտնվել։
        [translation] Թարգմանությունը չի գտնվել։
        [unit] Հատվածը չի գտնվել։
        [route] Այս հասցեով ոչինչ չկա։
        [delivery] Վեբհուքի առաքումը չի գտնվել։
        [language] Լեզուն չի գտնվել։
        [memory_entry] Հիշողության զույգը չի գտնվել։
        [publication] Հրապարակումը չի գտնվել։
        [segment] Հատվածը չի գտնվել։
        [term] Բառարանի եզրույթը չի գտնվել։
        [token] API բանալին չի գտնվել։
        [webhook] Վեբհուքը չի գտնվել։
       *[other] Որոնվածը չի գտնվել։
    }
error-statement-not-found = { $id } նույնացուցիչով հայտարարություն չի գտնվել։ Հնարավոր է՝ այն ջնջվել է։
error-username-taken = «{ $username }» օգտանունն արդեն զբաղված է։ Խնդրում ենք ընտրել այլ անուն։
error-invalid-credentials = Սխալ օգտանուն կամ գաղտնաբառ։
error-too-many-attempts =
    Մուտք գործելու չափազանց շատ անհաջող փորձեր են եղել։ Սպասեք { $seconds ->
        [one] { $seconds } վայրկյան
       *[other] { $seconds } վայրկյան
    } և կրկին փորձեք։
error-unauthenticated = Դուք մուտք չեք գործել համակարգ։ Խնդրում ենք նախ մուտք գործել։
error-forbidden = Դուք չունեք այս գործողության համար անհրաժեշտ դերը։ Եթե այն Ձեզ անհրաժեշտ է, դիմեք ադմինիստրատորին։
error-not-assigned =
    { $reason ->
        [closed] Այս պարբերությունը ոչ մեկին հանձնարարված չէ, իսկ հայտարարությունը բաց չէ թարգմանիչների համար։ Խնդրեք խմբագրին պարբերությունը հանձնարարել Ձեզ կամ բացել հայտարարությունը։
       *[other] Այս պարբերությունը Ձեզ հանձնարարված չէ։ Եթե այն պետք է Ձերը լինի, դիմեք խմբագրին։
    }
error-csrf-failed = X-CSRF-Token վերնագիրը բացակայում է կամ սխալ է։ Թարմացրեք էջը և կրկին փորձեք։
error-invalid-token = Մուտքի բանալին անհայտ է կամ չեղարկվել է։
error-internal = Տեղի է ունեցել անսպասելի սխալ։ Այն գրանցվել է։ Խնդրում ենք կրկին փորձել։
error-unavailable = Տվյալների բազան այս պահին հասանելի չէ։ Խնդրում ենք կրկին փորձել մի փոքր ուշ։
error-method-not-allowed = HTTP-ի այս մեթոդը թույլատրված չէ այս հասցեի համար։
error-version-conflict = Այդ ընթացքում մեկ ուրիշը փոփոխել է այս հատվածը։ Վերաբեռնեք այն, ծանոթացեք փոփոխություններին և կրկին փորձեք։
error-self-review = Դուք չեք կարող հաստատել Ձեր սեփական թարգմանությունը։ Այն պետք է հաստատի մեկ այլ ստուգող։
error-not-approved = Հայտարարությունը դեռ չի կարող հրապարակվել, քանի որ որոշ հատվածներ հաստատված չեն։
error-invalid-transition = Այս փոփոխությունը հնարավոր չէ, քանի որ հատվածը { $state ->
        [untranslated] դեռ թարգմանված չէ
        [draft] սևագիր է
        [translated] սպասում է ստուգման
        [needs_work] վերադարձվել է լրամշակման
       *[approved] արդեն հաստատված է
    }։
error-lacks-role = «{ $username }» օգտատիրոջը հնարավոր չէ նշանակել, քանի որ նա «{ $lang }» լեզվի համար { $role ->
        [translator] թարգմանչի
       *[other] ստուգողի
    } դեր չունի։
error-revision-conflict = Այդ ընթացքում բնագիրը փոփոխել է մեկ ուրիշը (այժմ այն { $current }-րդ խմբագրությունն է)։ Վերաբեռնեք այն և կրկին կատարեք Ձեր փոփոխությունները։

## Հանրային էջեր
page-publications = Հրապարակված հայտարարություններ
page-no-publications = Դեռ ոչինչ չի հրապարակվել։
page-side-by-side = Բոլոր լեզուները կողք կողքի
page-other-languages = Այլ լեզուներով
page-version = Տարբերակ { $number }
page-published-on = Հրապարակվել է { $date }
page-newer-version = Այս հայտարարության ավելի նոր տարբերակ է հրապարակվել։
page-see-latest = Կարդալ վերջին տարբերակը
page-original = Բնագիր
page-feed = Լրահոս՝ { $language }
page-interface-language = Միջերեսի լեզուն
page-not-found = Նման էջ չկա։
page-versions = Բոլոր տարբերակները
error-invalid-xliff = Ֆայլը վավեր XLIFF փաստաթուղթ չէ։ Այն խախտում է { $rule } կանոնը։ Ոչինչ չի ներմուծվել։
error-invalid-file = Ֆայլը հնարավոր չէ կարդալ․ այն խախտում է { $rule } կանոնը։ Ոչինչ չի ներմուծվել։
error-checks-failed =
    Այս թարգմանությունը դեռ չի կարող հաստատվել․ ստուգումները գտել են { $count } սխալ։ Ուղղեք տեքստը և կրկին փորձեք։
error-invalid-webhook-url = Վեբհուքի հասցեն հնարավոր չէ օգտագործել։ Նշեք ամբողջական հասցե, որը սկսվում է http:// կամ https://-ով, առանց օգտանվան, գաղտնաբառի և # մասի։
error-webhook-url-forbidden = Վեբհուքներ չեն ուղարկվում «{ $destination }» հասցեին, քանի որ այն { $range ->
        [loopback] այս սերվերի սեփական (loopback) հասցեն է
        [unspecified] չնշված հասցե է
        [private] մասնավոր ցանցի հասցե է
        [shared] մատակարարի ընդհանուր ցանցի (CGNAT) հասցե է
        [link_local] տեղային կապի (link-local) հասցե է, որտեղ պատասխանում են ամպային մետատվյալների ծառայությունները
        [unique_local] IPv6 տեղային եզակի հասցե է
        [multicast] խմբային (multicast) հասցե է
        [broadcast] լայնասփյուռ (broadcast) հասցեն է
        [documentation] փաստաթղթերի համար առանձնացված հասցե է
        [benchmarking] արագագործության չափումների համար առանձնացված հասցե է
       *[reserved] պահուստային հասցե է
    }։ Օպերատորը կարող է թույլատրել ներքին ցանցի տիրույթը --allow-outbound կարգավորմամբ։

## Թարգմանչի աշխատասեղան
ui-sign-in = Մուտք
ui-username = Օգտանուն
ui-password = Գաղտնաբառ
ui-sign-in-intro = Մուտք գործեք՝ հայտարարություններ թարգմանելու, ստուգելու և հրապարակելու համար։
ui-sign-out = Ելք
ui-my-work = Իմ աշխատանքը
ui-to-translate = Թարգմանելու
ui-to-review = Ստուգելու
ui-returned = Վերադարձված ինձ
ui-due = Ժամկետը՝ { $date }
ui-nothing-to-do = Այս պահին Ձեզ ոչինչ չի սպասում։
ui-language = Լեզու
ui-public-pages = Հրապարակված հայտարարություններ
ui-open-editor = Բացել
ui-source = Բնագիր
ui-translation = Թարգմանություն
ui-save = Պահպանել
ui-reopen = Վերաբացել
ui-submit = Ուղարկել ստուգման
ui-approve = Հաստատել
ui-reject = Վերադարձնել
ui-reject-reason = Վերադարձնելու պատճառը
ui-saved = Պահպանված է
ui-conflict = Մինչ Դուք գրում էիք, մեկ ուրիշը փոխել է այս պարբերությունը։ Ձեր տեքստը պահպանված է ստորև։ Ընտրեք, թե որ տարբերակը թողնել։
ui-keep-mine = Թողնել իմ տեքստը
ui-take-theirs = Վերցնել նրանց տեքստը
ui-their-text = Նրանց տեքստը
ui-your-text = Ձեր տեքստը
ui-statements = Հայտարարություններ
ui-new-statement = Նոր հայտարարություն
ui-title = Վերնագիր
ui-source-language = Բնագրի լեզուն
ui-target-languages = Թարգմանել
ui-format = Ձևաչափ
ui-format-text = Պարզ տեքստ (պարբերությունների միջև՝ դատարկ տող)
ui-format-markdown = Markdown
ui-text = Տեքստ
ui-upload-file = Կամ բեռնեք .txt կամ .md ֆայլ
ui-file-not-text = Այս ֆայլը պարզ տեքստ չէ։ Բացեք այն ձեր տեքստային խմբագրիչում, պատճենեք տեքստը և տեղադրեք այստեղ, կամ նախ պահպանեք այն որպես պարզ տեքստ (.txt)։
ui-preview = Տեսնել բաժանումը
ui-create = Ստեղծել հայտարարությունը
ui-approved-share = Հաստատված է { $percent }%-ը
ui-published-version = Հրապարակված է՝ տարբերակ { $number }, { $date }
ui-not-published = Դեռ չի հրապարակվել
ui-due-on = Ժամկետը՝ { $date }
ui-overdue-since = Ժամկետն անցել է՝ { $date }
ui-no-statements = Դեռ հայտարարություններ չկան։

## The desk: review, statements, administration, editor
ui-review-queue = Ստուգում
ui-admin = Կառավարում
ui-revision = Խմբագրություն { $number }
ui-progress = Ընթացք
ui-assign = Հանձնարարել
ui-role = Դեր
ui-person = Կատարող
ui-nobody = Ոչ ոք (հանել հանձնարարությունը)
ui-due-date = Վերջնաժամկետ
ui-which-paragraphs = Որ պարբերությունները
ui-all-paragraphs = Բոլոր պարբերությունները
ui-selected-paragraphs = Միայն նշված պարբերությունները
ui-paragraph-number = Պարբերություն { $number }
ui-headline = Վերնագիր
ui-assigned = Հանձնարարված է։
ui-open-to-translators = Բաց թարգմանիչների համար՝ այն պարբերությունները, որոնք ոչ մեկին հանձնարարված չեն, կարող է վերցնել համապատասխան լեզվի ցանկացած թարգմանիչ
ui-open-to-translators-hint = Առանց այս նշման՝ այդ պարբերությունները սպասում են խմբագրին, որը կամ ինքն է դրանք թարգմանում, կամ հանձնարարում է մեկին։ Որևէ մեկին հանձնարարված պարբերությունը երկու դեպքում էլ մնում է նրանը։
ui-edit-source = Փոխել բնագիրը
ui-show-changes = Ցույց տալ, թե ինչ կփոխվի
ui-fate-kept = անփոփոխ
ui-fate-edited = փոխված
ui-fate-inserted = նոր պարբերություն
ui-fate-removed = հանված
ui-no-changes = Ոչինչ չի փոխվի։
ui-minor-change = Աննշան փոփոխություն (վրիպակ կամ կետադրություն)՝ թարգմանությունների վիճակը չի փոխվում
ui-minor-change-hint = Առանց այս նշման՝ փոխված պարբերությունների թարգմանությունները կվերադառնան թարգմանիչներին՝ ստուգելու։
ui-save-source = Պահպանել նոր բնագիրը
ui-publish = Հրապարակել
ui-publish-languages = Հրապարակվող լեզուները
ui-publications = Հրապարակումներ և ֆայլեր
ui-no-publications = Դեռ ոչինչ չի հրապարակվել։
ui-version = Տարբերակ
ui-date = Ամսաթիվ
ui-languages = Լեզուներ
ui-files = Ֆայլեր
ui-working-files = Ընթացիկ աշխատանքը՝ արտաքին գործիքների համար
ui-downloads = Ներբեռնումներ
ui-latest-version = Հրապարակված տարբերակ { $number }
ui-nothing-to-review = Ձեր ստուգմանը ոչինչ չի սպասում։
ui-compared-with = Փոփոխությունները՝ { $version } տարբերակի համեմատ
ui-first-translation = Առաջին թարգմանությունն է՝ ամբողջը նոր է
ui-four-eyes = Այս թարգմանությունը դուք եք գրել, ուստի այն պետք է հաստատի մեկ այլ ստուգող։ Վերադարձնել այն կարող եք։
ui-reason-needed = Նախ գրեք, թե ինչու եք վերադարձնում։
ui-people = Օգտատերեր
ui-display-name = Ցուցադրվող անուն
ui-new-person = Ավելացնել օգտատեր
ui-roles-after = Օգտատիրոջն ավելացնելուց հետո դերերը տվեք վերևի աղյուսակում։
ui-add-person = Ավելացնել օգտատիրոջը
ui-language-tag = Լեզվի կոդ (BCP 47)
ui-language-name = Անվանումն անգլերեն
ui-language-native-name = Անվանումը հենց այդ լեզվով
ui-add-language = Ավելացնել լեզուն
ui-manage-statement = Կառավարել հայտարարությունը
ui-pivot = Կողքին ցույց տալ՝
ui-pivot-none = ոչ մի այլ լեզու
ui-shortcuts-title = Ստեղնային դյուրանցումներ
ui-key-save = պահպանել
ui-key-submit = ուղարկել ստուգման
ui-key-move = հաջորդ կամ նախորդ պարբերությունը
ui-key-copy-source = պատճենել բնագիրը թարգմանության դաշտ
ui-key-approve = հաստատել (ստուգողների համար)
ui-key-reject = վերադարձնել՝ նշելով պատճառը (ստուգողների համար)
ui-changed-by = Այդ ընթացքում փոխել է՝
ui-editing-now = հիմա խմբագրում է
ui-live-offline = Կենդանի թարմացումներն ընդհատվել են, նորից միանում ենք…
ui-numbers-missing = Բնագրի թվեր, որոնք այստեղ չկան՝
ui-numbers-extra = Թվեր, որոնք բնագրում չկան՝
ui-quotes-missing = Բնագրում մեջբերում կա, իսկ թարգմանության մեջ չակերտներ չկան։
ui-copy-source = Պատճենել բնագիրը
ui-cancel = Չեղարկել
ui-merge = Միավորել ձեռքով
ui-history-and-comments = Պատմություն և մեկնաբանություններ
ui-select-paragraph = Ընտրեք պարբերություն՝ դրա պատմությունն ու մեկնաբանությունները տեսնելու համար։
ui-history = Պատմություն
ui-comments = Մեկնաբանություններ
ui-add-comment = Ավելացնել մեկնաբանություն
ui-send-comment = Ուղարկել մեկնաբանությունը
action-save = պահպանվեց
action-revert = վերականգնվեց ավելի վաղ տարբերակը
action-submit = ուղարկվեց ստուգման
action-approve = հաստատվեց
action-reject = վերադարձվեց
action-source-changed = բնագիրը փոխվեց
action-minor-source-change = բնագիրն ուղղվեց (աննշան)
action-approve-aligned = հաստատվեց ինչպես նախկինում հրապարակված (համադրված)
ui-no-history = Փոփոխություններ դեռ չկան։
ui-no-comments = Մեկնաբանություններ դեռ չկան։
ui-memory = Թարգմանչական հիշողություն
ui-no-suggestions = Նման տեքստ նախկինում չի թարգմանվել։
ui-note-memory = Թարգմանչական հիշողությունից (համընկնում՝ { $score }%)
ui-note-import = Ներմուծված է { $file } ֆայլից
ui-note-alignment = Զուգակցված է ավելի վաղ արված թարգմանության հետ
ui-note-source-revision = Բնագրի խմբագրություն { $number }
ui-status-submitted = Ուղարկված է ստուգման
ui-status-approved = Հաստատված է
ui-status-returned = Վերադարձված է թարգմանչին
ui-copy-source-confirm = Փոխարինե՞լ ձեր թարգմանությունը բնագրի տեքստով։
ui-copy-source-undo = { $keys } ստեղներով կարող եք վերադարձնել ձեր տեքստը։
ui-copy-source-replace = Փոխարինել
ui-copy-source-keep = Պահել իմ թարգմանությունը
ui-skip-to-units = Անցնել պարբերություններին
ui-skip-to-content = Անցնել բովանդակությանը
ui-use-suggestion = Օգտագործել այս թարգմանությունը
ui-terms = Բառարանի տերմիններ
ui-no-terms = Այս պարբերության մեջ բառարանի տերմիններ չկան։
ui-term-preferred = նախընտրելի
ui-term-do-not-translate = չթարգմանել
ui-checks = Որակի ստուգումներ
ui-no-findings = Ստուգումները ուղղելու բան չեն գտել։

## Quality checks


check-empty-target = Թարգմանությունը դատարկ է։
check-unchanged-from-source = Թարգմանությունը համընկնում է բնագրին։ Հնարավո՞ր է, որ տեքստը չի թարգմանվել։
check-number-missing = Բնագրի { $number } թիվը թարգմանության մեջ բացակայում է կամ այլ արժեք ունի։
check-number-added = Թարգմանության մեջ կա { $number } թիվը, որը բնագրում չկա։
check-date-mismatch =
    { $side ->
        [source] Բնագրի «{ $date }» ամսաթիվը թարգմանության մեջ բացակայում է կամ այլ օր է նշում։
       *[target] Թարգմանության «{ $date }» ամսաթիվը չի համապատասխանում բնագրի ոչ մի ամսաթվի։
    }
check-end-punctuation =
    { $found ->
        [none] Թարգմանության վերջում կետադրական նշան չկա, մինչդեռ ըստ բնագրի՝ պետք է լինի «{ $expected }»։
       *[other]
            { $expected ->
                [none] Թարգմանությունն ավարտվում է «{ $found }» նշանով, թեև բնագրի վերջում կետադրական նշան չկա։
               *[other] Թարգմանությունն ավարտվում է «{ $found }» նշանով, մինչդեռ ըստ բնագրի՝ պետք է լինի «{ $expected }»։
            }
    }
check-quote-style = { $found } չակերտներն այս լեզվում չեն կիրառվում․ օգտագործեք { $expected } չակերտները։
check-double-space = Թարգմանության մեջ կան կրկնակի բացատներ (քանակը՝ { $count })։
check-edge-whitespace =
    { $edge ->
        [start] Թարգմանությունը սկսվում է բացատով։
        [end] Թարգմանությունն ավարտվում է բացատով։
       *[both] Թարգմանությունը սկսվում և ավարտվում է բացատով։
    }
check-mixed-script = «{ $word }» բառում խառնված են տարբեր այբուբենների տառեր, օրինակ՝ լատինական «o» հայերեն բառի մեջ։
check-link-missing = Բնագրի { $link } հղումը թարգմանության մեջ բացակայում է կամ փոփոխված է։
check-glossary-not-followed = Ըստ եզրույթների բառարանի՝ «{ $term }» եզրույթը թարգմանվում է որպես «{ $translation }», սակայն թարգմանության մեջ այդ տարբերակը չկա։
check-forbidden-term = Թարգմանության մեջ օգտագործված է «{ $translation }» տարբերակը, որը եզրույթների բառարանն արգելում է «{ $term }» եզրույթի համար։
check-sentence-count = Նախադասությունների թիվը բնագրում՝ { $source }, թարգմանության մեջ՝ { $target }։ Համոզվեք, որ ոչինչ բաց չի թողնվել և ավելորդ բան չի ավելացվել։
check-length-ratio = Թարգմանության երկարությունը կազմում է բնագրի երկարության { $ratio }%-ը, մինչդեռ այս լեզվազույգի համար այն սովորաբար մոտ { $expected }% է։
check-cross-language-missing = Բնագրի «{ $item }» տարրը կա մյուս թարգմանություններում ({ $found_in }), բայց այս թարգմանության մեջ չկա։
ui-align = Համադրել թարգմանությունը
ui-align-intro = Տեղադրեք տեքստը և դրա ավելի վաղ արված թարգմանությունը։ Tandem-ը կզուգակցի դրանց պարբերություններն ու նախադասությունները․ ստուգեք զույգերը, ապա պահեք դրանք թարգմանչական հիշողության մեջ կամ ստեղծեք հայտարարություն, որի զուգակցված պարբերություններն արդեն հաստատված են։
ui-translation-language = Թարգմանության լեզուն
ui-align-run = Համադրել
ui-align-result = Գտնված զույգերը
ui-align-remember = Պահել զույգերը հիշողության մեջ
ui-align-statement = Ստեղծել հաստատված հայտարարություն
ui-align-remembered = Հիշողությանն ավելացված զույգեր՝
ui-prefill = Թարգմանչական հիշողությանը բառացի հայտնի պարբերությունները սկսել որպես սևագրեր

## Screens
ui-memory-nav = Հիշողություն
ui-glossary = Բառարան
ui-tokens = API բանալիներ
ui-tokens-intro = Բանալին թույլ է տալիս, որ սկրիպտը կամ արտաքին գործիքը (թարգմանչական ծրագիրը, ձեր կայքը) օգտվի API-ից ձեր անունից և ձեր դերերով։ Յուրաքանչյուր գործիքի տվեք առանձին բանալի, որպեսզի կարողանաք չեղարկել մեկը՝ առանց մյուսները կանգնեցնելու։
ui-token-name = Ինչի՞ համար է բանալին
ui-token-create = Ստեղծել բանալի
ui-token-secret = Ձեր նոր բանալին
ui-secret-once = Այն ցույց է տրվում միայն այս անգամ։ Պատճենեք հիմա և պահեք ապահով տեղում։
ui-copy = Պատճենել
ui-copied = Պատճենված է։
ui-token-list = Ձեր բանալիները
ui-no-tokens = Դուք API բանալիներ չունեք։
ui-created = Ստեղծվել է
ui-actions = Գործողություններ
ui-revoke = Չեղարկել
ui-token-revoked = Չեղարկվեց՝
ui-any-language = Բոլոր լեզուները
ui-show = Ցույց տալ
ui-no-pair-terms = Այս լեզվազույգի համար դեռ տերմիններ չկան։
ui-term = Տերմին
ui-term-translation = Թարգմանություն
ui-term-status = Կարգավիճակ
ui-term-note = Նշում
ui-language-pair = Լեզվազույգ
ui-delete = Ջնջել
ui-download = Ներբեռնել
ui-new-term = Նոր տերմին
ui-status-preferred = Նախընտրելի
ui-status-forbidden = Արգելված
ui-status-do-not-translate = Չթարգմանել
ui-term-status-hint = Արգելված թարգմանության մասին ստուգումները զգուշացնում են, իսկ չթարգմանվող տերմինը բոլոր լեզուներում մնում է անփոփոխ։
ui-add-term = Ավելացնել տերմինը
ui-import-terms = Տերմինների ներմուծում
ui-file = Ֆայլ
ui-import-terms-hint = Ֆայլը ներմուծվում է ամբողջությամբ կամ ընդհանրապես չի ներմուծվում։ CSV ֆայլի առաջին տողը պետք է լինի՝
ui-import = Ներմուծել
ui-terms-imported = Ավելացված կամ թարմացված տերմիններ՝
ui-memory-query = Բառ կամ արտահայտություն
ui-memory-search-hint = Որոնվում է և՛ բնագրում, և՛ թարգմանության մեջ՝ անկախ մեծատառերից ու փոքրատառերից։
ui-search = Որոնել
ui-memory-found = Գտնված զույգեր՝ { $count }
ui-memory-nothing = Հիշողության մեջ այդպիսի զույգ չկա։
ui-origin-approved = հաստատված թարգմանություն
ui-origin-aligned = համադրված տեքստ
ui-origin-tmx = ներմուծված է TMX ֆայլից
ui-memory-deleted = Զույգը ջնջվեց։
ui-memory-files = TMX ֆայլեր
ui-memory-export = Ներբեռնել ամբողջ հիշողությունը (TMX)
ui-memory-import = Ներմուծվող TMX ֆայլը
ui-upload-progress = Վերբեռնման ընթացքը
ui-memory-imported = Հիշված զույգեր՝
ui-public-nav = Հրապարակվածներ
ui-audit-log = Գործողությունների մատյան
ui-audit-statement = Հայտարարություն
ui-audit-any = Ցանկացածը
ui-audit-anyone = Ցանկացած մարդ
ui-audit-action = Գործողություն
ui-audit-from = Սկսած
ui-audit-to = Մինչև
ui-audit-bad-filter = Ֆիլտրը հնարավոր չէ կարդալ․ ստուգեք ամսաթվերը։
ui-audit-csv = Ներբեռնել CSV ձևաչափով
ui-audit-nothing = Ֆիլտրին համապատասխանող գրառումներ չկան։
ui-audit-when = Երբ (UTC)
ui-audit-subject = Օբյեկտ
ui-audit-details = Մանրամասներ
ui-audit-address = Հասցե
ui-audit-older = Ավելի հին գրառումներ
ui-audit-signed-in = Մուտք գործեց
ui-audit-sign-in-failed = Մուտքի անհաջող փորձ
ui-audit-signed-out = Դուրս եկավ
ui-audit-token-created = API բանալի ստեղծվեց
ui-audit-token-revoked = API բանալին չեղարկվեց
ui-audit-user-created = Օգտատեր ավելացվեց
ui-audit-roles-changed = Դերերը փոխվեցին
ui-audit-unit-approved = Թարգմանությունը հաստատվեց
ui-audit-unit-returned = Թարգմանությունը վերադարձվեց
ui-audit-statement-published = Հայտարարությունը հրապարակվեց
ui-audit-user-disabled = Հաշիվն անջատվեց
ui-audit-user-enabled = Հաշիվը միացվեց
ui-account = Հաշիվ
ui-account-active = Ակտիվ
ui-account-disabled = Անջատված
ui-disable = Անջատել
ui-enable = Միացնել
ui-password-optional = Գաղտնաբառը թողեք դատարկ, և Tandem-ը մեկանգամյա գաղտնաբառ կստեղծի այդ մարդու համար։
ui-invite-password = Նոր մարդու գաղտնաբառը
ui-invite-once = Ինքներդ փոխանցեք այն այդ մարդուն․ այն ցույց է տրվում միայն հիմա, և նա դրանով մուտք կգործի։
error-delivery-pending = { $id } առաքումը դեռ սպասում է իր փորձին․ այն կարելի է կրկին ուղարկել, երբ առաքվի կամ ձախողվի։
ui-webhooks = Վեբհուքեր
ui-webhooks-intro = Tandem-ը այլ համակարգերին (ձեր կայքին, բովանդակության կառավարման համակարգին) տեղեկացնում է հաստատումների և հրապարակումների մասին՝ նրանց հասցեներին ստորագրված հարցումներ ուղարկելով։
ui-webhook-new = Գրանցել վեբհուք
ui-webhook-url = Հասցե (URL)
ui-webhook-every-statement = Բոլոր հայտարարությունները
ui-webhook-events = Իրադարձություններ (ոչ մեկը նշված չէ՝ բոլորը)
ui-event-unit-approved = Թարգմանությունը հաստատվել է
ui-event-language-completed = Լեզուն ամբողջությամբ հաստատվել է
ui-event-statement-published = Հայտարարությունը հրապարակվել է
ui-webhook-register = Գրանցել
ui-webhook-secret = Ստորագրման գաղտնիքը
ui-webhook-rotate = Ստեղծել նոր գաղտնիք
ui-webhook-deliveries = Վերջին առաքումները
ui-webhook-no-deliveries = Դեռ ոչինչ չի ուղարկվել։
ui-webhook-event = Իրադարձություն
ui-webhook-state = Վիճակ
ui-webhook-attempts = Փորձեր
ui-webhook-answer = Վերջին պատասխանը
ui-delivery-pending = սպասում է
ui-delivery-delivered = առաքված է
ui-delivery-failed = ձախողվել է
ui-retry = Կրկին ուղարկել
ui-webhook-retrying = Շուտով այն կրկին կուղարկվի։
ui-no-webhooks = Գրանցված վեբհուքեր չկան։
