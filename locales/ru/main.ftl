# Tandem — сообщения на русском языке.
# Идентификаторы сообщений совпадают с ../en/main.ftl (эталон).

## Общее

app-name = Tandem
server-listening = Tandem принимает подключения по адресу { $url }

lang-hy = Армянский
lang-en = Английский
lang-ru = Русский

role-admin = Администратор
role-editor = Редактор
role-translator = Переводчик
role-reviewer = Рецензент

state-untranslated = Не переведено
state-draft = Черновик
state-translated = Переведено
state-needs-work = Требует доработки
state-approved = Утверждено

## Ошибки

error-invalid-language =
    { $reason ->
        [language] «{ $tag }» — недопустимый языковой тег: в реестре языковых подтегов IANA нет языка «{ $subtag }». Укажите, например, «hy», «en» или «ru».
        [extlang] «{ $tag }» — недопустимый языковой тег: в реестре языковых подтегов IANA нет расширенного языкового подтега «{ $subtag }» для этого языка.
        [script] «{ $tag }» — недопустимый языковой тег: в реестре языковых подтегов IANA нет письменности «{ $subtag }».
        [region] «{ $tag }» — недопустимый языковой тег: в реестре языковых подтегов IANA нет региона «{ $subtag }».
        [variant] «{ $tag }» — недопустимый языковой тег: в реестре языковых подтегов IANA нет варианта «{ $subtag }».
        [repeated] «{ $tag }» — недопустимый языковой тег: подтег «{ $subtag }» встречается в нём дважды.
        [not_a_language] Тег «{ $tag }» не обозначает никакого языка. Укажите, например, «hy», «en» или «ru».
       *[other] «{ $tag }» — недопустимый языковой тег BCP 47. Укажите, например, «hy», «en» или «ru».
    }
error-unknown-language = Язык «{ $tag }» не включён на этом сервере. Чтобы его включить, обратитесь к администратору.
error-language-exists = Этот язык на сервере уже включён.
language-tag-replaced = В реестре языковых подтегов IANA тег «{ $requested }» записывается как «{ $tag }», поэтому язык сохранён с тегом «{ $tag }».
error-empty-text = Текст пуст или состоит только из пробелов.
error-payload-too-large =
    Запрос слишком велик: допустимый размер — не более { $limit } { $limit ->
        [one] байта
        [few] байт
        [many] байт
       *[other] байта
    }. Сократите текст и повторите попытку.
error-too-many-segments =
    Текст делится на { $count } { $count ->
        [one] абзац
        [few] абзаца
        [many] абзацев
       *[other] абзаца
    }, а допускается не более { $limit }. Сократите текст или разделите его на несколько заявлений.
error-segment-too-long =
    Один из абзацев слишком длинный: допускается не более { $limit } { $limit ->
        [one] символа
        [few] символов
        [many] символов
       *[other] символа
    }. Разбейте его на более короткие абзацы.
error-unsupported-media-type = Неподдерживаемый тип содержимого (Content-Type). Отправьте запрос в формате { $expected }.
error-unsupported-media = { $kind ->
        [binary] Это двоичные данные, а не текст.
       *[other] Это файл { $kind }, а не текст.
    } Вставьте сам текст или сохраните документ как обычный текст (.txt) и загрузите этот файл.
error-invalid-json = Тело запроса не является корректным JSON или содержит неверные либо неизвестные поля.
error-invalid-utf8 = Тело запроса не является корректным текстом в кодировке UTF-8.
error-invalid-input = { $why ->
        [empty] Поле «{ $field }» пустое.
        [too_long] Поле «{ $field }» длиннее { $max } { $max ->
            [one] символа
           *[other] символов
        }.
        [too_short] Поле «{ $field }» короче { $min } { $min ->
            [one] символа
           *[other] символов
        }.
        [length] Длина поля «{ $field }» должна быть от { $min } до { $max } { $max ->
            [one] символа
           *[other] символов
        }.
        [range] Значение поля «{ $field }» должно быть числом от { $min } до { $max }.
        [one_of] Значение поля «{ $field }» должно быть одним из следующих: «{ $allowed }».
        [characters] В поле «{ $field }» допустимы только буквы, цифры и знаки «.», «_», «-».
        [base_version_required] Укажите версию, на которой основано ваше изменение (base_version или If-Match).
        [own_admin] Нельзя снять с себя роль администратора.
        [comment_required] Укажите причину возврата: комментарий обязателен.
        [no_revision] У этой единицы нет такой редакции.
        [target_is_source] Язык «{ $lang }» — язык оригинала, поэтому он не может быть языком перевода.
        [lang_required] Укажите язык перевода параметром ?lang=.
        [language_mismatch] Файл на языке «{ $found }», а не «{ $asked }».
       *[other] Недопустимое значение поля «{ $field }».
    }
error-invalid-format = Неизвестный формат текста «{ $format }». Используйте «text» или «markdown».
error-not-found =
    { $resource ->
        [statement] Заявление не найдено.
        [user] Пользователь не найден.
        [paragraph] Абзац не найден.
        [sentence] Предложение не найдено.
        [translation] Перевод не найден.
        [unit] Сегмент не найден.
        [route] По этому адресу ничего нет.
        [delivery] Доставка веб-хука не найдена.
        [language] Язык не найден.
        [memory_entry] Пара из памяти переводов не найдена.
        [publication] Публикация не найдена.
        [segment] Сегмент не найден.
        [term] Термин глоссария не найден.
        [token] API-токен не найден.
        [webhook] Веб-хук не найден.
       *[other] Не найдено.
    }
error-statement-not-found = Заявление с идентификатором { $id } не найдено. Возможно, оно было удалено.
error-username-taken = Имя пользователя «{ $username }» уже занято. Пожалуйста, выберите другое.
error-invalid-credentials = Неверное имя пользователя или пароль.
error-too-many-attempts =
    Слишком много неудачных попыток входа. Подождите { $seconds } { $seconds ->
        [one] секунду
        [few] секунды
        [many] секунд
       *[other] секунды
    } и попробуйте снова.
error-unauthenticated = Вы не вошли в систему. Пожалуйста, сначала выполните вход.
error-forbidden = У вас нет роли, необходимой для этого действия. Если она вам нужна, обратитесь к администратору.
error-not-assigned =
    { $reason ->
        [closed] Этот абзац никому не назначен, а заявление не открыто для переводчиков. Попросите редактора назначить абзац вам или открыть заявление.
       *[other] Этот абзац назначен не вам. Если он должен быть вашим, обратитесь к редактору.
    }
error-csrf-failed = Заголовок X-CSRF-Token отсутствует или неверен. Обновите страницу и повторите попытку.
error-invalid-token = Токен доступа неизвестен или был отозван.
error-internal = Произошла непредвиденная ошибка. Она записана в журнал; пожалуйста, повторите попытку.
error-unavailable = База данных сейчас недоступна. Пожалуйста, повторите попытку чуть позже.
error-method-not-allowed = Этот HTTP-метод не разрешён для данного адреса.
error-version-conflict = Пока вы работали, кто-то другой изменил этот сегмент. Загрузите его заново, проверьте изменения и повторите попытку.
error-self-review = Нельзя утвердить собственный перевод: его должен утвердить другой рецензент.
error-not-approved = Заявление пока нельзя опубликовать: не все сегменты утверждены.
error-invalid-transition = Это действие сейчас недоступно: сегмент { $state ->
        [untranslated] ещё не переведён
        [draft] в черновике
        [translated] ожидает проверки
        [needs_work] возвращён на доработку
       *[approved] уже утверждён
    }.
error-lacks-role = Нельзя назначить пользователя «{ $username }»: у него нет роли { $role ->
        [translator] переводчика
       *[other] рецензента
    } для языка «{ $lang }».
error-revision-conflict = Пока вы работали, исходный текст изменил кто-то другой (теперь это редакция { $current }). Загрузите его заново и внесите свои правки ещё раз.

## Публичные страницы
page-publications = Опубликованные заявления
page-no-publications = Пока ничего не опубликовано.
page-side-by-side = Все языки рядом
page-other-languages = На других языках
page-version = Версия { $number }
page-published-on = Опубликовано { $date }
page-newer-version = Опубликована более новая версия этого заявления.
page-see-latest = Читать последнюю версию
page-original = Оригинал
page-feed = Лента новостей: { $language }
page-interface-language = Язык интерфейса
page-not-found = Такой страницы нет.
page-versions = Все версии
error-invalid-xliff = Файл не является корректным документом XLIFF: нарушено правило { $rule }. Ничего не импортировано.
error-invalid-file = Файл не удаётся прочитать: он нарушает правило { $rule }. Ничего не импортировано.
error-checks-failed =
    Этот перевод пока нельзя утвердить: проверки нашли { $count ->
        [one] { $count } ошибку
        [few] { $count } ошибки
       *[many] { $count } ошибок
    }. Исправьте текст и попробуйте снова.
error-invalid-webhook-url = Адрес веб-хука нельзя использовать. Укажите полный адрес, начинающийся с http:// или https://, без имени пользователя, пароля и части после #.
error-webhook-url-forbidden = Веб-хуки не отправляются на «{ $destination }»: это { $range ->
        [loopback] собственный loopback-адрес этого сервера
        [unspecified] неопределённый адрес
        [private] адрес частной сети
        [shared] адрес общей сети провайдера (CGNAT)
        [link_local] локальный адрес канала (link-local), на котором отвечают службы метаданных облака
        [unique_local] уникальный локальный адрес IPv6
        [multicast] групповой (multicast) адрес
        [broadcast] широковещательный адрес
        [documentation] адрес, отведённый для документации
        [benchmarking] адрес, отведённый для тестов производительности
       *[reserved] зарезервированный адрес
    }. Оператор может разрешить диапазон внутренней сети параметром --allow-outbound.

## Рабочее место переводчика
ui-sign-in = Вход
ui-username = Имя пользователя
ui-password = Пароль
ui-sign-in-intro = Войдите, чтобы переводить, проверять и публиковать заявления.
ui-sign-out = Выйти
ui-my-work = Моя работа
ui-to-translate = Перевести
ui-to-review = Проверить
ui-returned = Возвращено мне
ui-due = Срок: { $date }
ui-nothing-to-do = Сейчас вас ничего не ждёт.
ui-language = Язык
ui-public-pages = Опубликованные заявления
ui-open-editor = Открыть
ui-source = Оригинал
ui-translation = Перевод
ui-save = Сохранить
ui-reopen = Вернуть в работу
ui-submit = Отправить на проверку
ui-approve = Утвердить
ui-reject = Вернуть
ui-reject-reason = Почему возвращаете
ui-saved = Сохранено
ui-conflict = Пока вы печатали, кто-то другой изменил этот абзац. Ваш текст сохранён ниже; выберите, что оставить.
ui-keep-mine = Оставить мой текст
ui-take-theirs = Взять их текст
ui-their-text = Их текст
ui-your-text = Ваш текст
ui-statements = Заявления
ui-new-statement = Новое заявление
ui-title = Заголовок
ui-source-language = Язык оригинала
ui-target-languages = Перевести на
ui-format = Формат
ui-format-text = Обычный текст (абзацы разделены пустой строкой)
ui-format-markdown = Markdown
ui-text = Текст
ui-upload-file = Или загрузите файл .txt или .md
ui-file-not-text = Этот файл — не обычный текст. Откройте его в текстовом редакторе, скопируйте текст и вставьте сюда или сначала сохраните его как обычный текст (.txt).
ui-preview = Показать разбиение
ui-create = Создать заявление
ui-approved-share = Утверждено { $percent }%
ui-published-version = Опубликовано: версия { $number }, { $date }
ui-not-published = Ещё не опубликовано
ui-due-on = Срок: { $date }
ui-overdue-since = Срок истёк { $date }
ui-no-statements = Заявлений пока нет.

## The desk: review, statements, administration, editor
ui-review-queue = Проверка
ui-admin = Администрирование
ui-revision = Редакция { $number }
ui-progress = Ход работы
ui-assign = Назначить
ui-role = Роль
ui-person = Исполнитель
ui-nobody = Никто (снять назначение)
ui-due-date = Срок
ui-which-paragraphs = Какие абзацы
ui-all-paragraphs = Все абзацы
ui-selected-paragraphs = Только отмеченные абзацы
ui-paragraph-number = Абзац { $number }
ui-headline = Заголовок
ui-assigned = Назначено.
ui-open-to-translators = Открыто для переводчиков: абзацы, которые никому не назначены, может взять любой переводчик соответствующего языка
ui-open-to-translators-hint = Без этой отметки такие абзацы ждут редактора: он переводит их сам или назначает. Абзац, назначенный кому-то, в любом случае остаётся за этим человеком.
ui-edit-source = Изменить оригинал
ui-show-changes = Показать, что изменится
ui-fate-kept = без изменений
ui-fate-edited = изменён
ui-fate-inserted = новый абзац
ui-fate-removed = удалён
ui-no-changes = Ничего не изменится.
ui-minor-change = Мелкая правка (опечатка или пунктуация): переводы сохраняют своё состояние
ui-minor-change-hint = Без этой отметки переводы изменённых абзацев вернутся переводчикам на проверку.
ui-save-source = Сохранить новый оригинал
ui-publish = Опубликовать
ui-publish-languages = Языки публикации
ui-publications = Публикации и файлы
ui-no-publications = Пока ничего не опубликовано.
ui-version = Версия
ui-date = Дата
ui-languages = Языки
ui-files = Файлы
ui-working-files = Текущая работа — для внешних инструментов
ui-downloads = Файлы для скачивания
ui-latest-version = Опубликованная версия { $number }
ui-nothing-to-review = Вашей проверки ничего не ждёт.
ui-compared-with = Изменения по сравнению с версией { $version }
ui-first-translation = Первый перевод: всё в нём новое
ui-four-eyes = Этот перевод написали вы, поэтому утвердить его должен другой рецензент. Вернуть его вы можете.
ui-reason-needed = Сначала напишите, почему перевод возвращается.
ui-people = Пользователи
ui-display-name = Отображаемое имя
ui-new-person = Добавить пользователя
ui-roles-after = Роли назначаются в таблице выше, когда пользователь добавлен.
ui-add-person = Добавить пользователя
ui-language-tag = Код языка (BCP 47)
ui-language-name = Название по-английски
ui-language-native-name = Название на самом этом языке
ui-add-language = Добавить язык
ui-manage-statement = Управление заявлением
ui-pivot = Показывать рядом:
ui-pivot-none = никакой другой язык
ui-shortcuts-title = Сочетания клавиш
ui-key-save = сохранить
ui-key-submit = отправить на проверку
ui-key-move = следующий или предыдущий абзац
ui-key-copy-source = скопировать оригинал в перевод
ui-key-approve = утвердить (для рецензентов)
ui-key-reject = вернуть с объяснением (для рецензентов)
ui-changed-by = Тем временем изменено пользователем
ui-editing-now = сейчас редактирует
ui-live-offline = Обновления в реальном времени прервались; переподключаемся…
ui-numbers-missing = Числа оригинала, которых здесь нет:
ui-numbers-extra = Числа, которых нет в оригинале:
ui-quotes-missing = В оригинале есть цитата, а в переводе нет кавычек.
ui-copy-source = Скопировать оригинал
ui-cancel = Отмена
ui-merge = Объединить вручную
ui-history-and-comments = История и комментарии
ui-select-paragraph = Выберите абзац, чтобы увидеть его историю и комментарии.
ui-history = История
ui-comments = Комментарии
ui-add-comment = Добавить комментарий
ui-send-comment = Отправить комментарий
action-save = сохранено
action-revert = восстановлена прежняя версия
action-submit = отправлено на проверку
action-approve = утверждено
action-reject = возвращено
action-source-changed = изменился оригинал
action-minor-source-change = оригинал исправлен (мелкая правка)
action-approve-aligned = утверждено как опубликованное ранее (сопоставлено)
ui-no-history = Изменений пока нет.
ui-no-comments = Комментариев пока нет.
ui-memory = Память переводов
ui-no-suggestions = Ничего похожего раньше не переводили.
ui-note-memory = Из памяти переводов (совпадение { $score }%)
ui-note-import = Импортировано из файла { $file }
ui-note-alignment = Сопоставлено с более ранним переводом
ui-note-source-revision = Редакция оригинала { $number }
ui-status-submitted = Отправлено на проверку
ui-status-approved = Утверждено
ui-status-returned = Возвращено переводчику
ui-copy-source-confirm = Заменить ваш перевод текстом оригинала?
ui-copy-source-undo = Сочетание { $keys } вернёт ваш текст.
ui-copy-source-replace = Заменить
ui-copy-source-keep = Оставить мой перевод
ui-skip-to-units = Перейти к абзацам
ui-skip-to-content = Перейти к содержимому
ui-use-suggestion = Взять этот перевод
ui-terms = Термины глоссария
ui-no-terms = В этом абзаце нет терминов глоссария.
ui-term-preferred = предпочтительный
ui-term-do-not-translate = не переводить
ui-checks = Проверки качества
ui-no-findings = Проверки не нашли ничего, что нужно исправить.

## Quality checks


check-empty-target = Перевод пуст.
check-unchanged-from-source = Перевод совпадает с оригиналом. Возможно, текст забыли перевести?
check-number-missing = Числа { $number } из оригинала нет в переводе, или в переводе у него другое значение.
check-number-added = В переводе есть число { $number }, которого нет в оригинале.
check-date-mismatch =
    { $side ->
        [source] Дата «{ $date }» из оригинала отсутствует в переводе или указывает там на другой день.
       *[target] Дата «{ $date }» в переводе не совпадает ни с одной датой оригинала.
    }
check-end-punctuation =
    { $found ->
        [none] В конце перевода нет знака препинания, а по оригиналу нужен «{ $expected }».
       *[other]
            { $expected ->
                [none] Перевод заканчивается знаком «{ $found }», хотя в конце оригинала знака препинания нет.
               *[other] Перевод заканчивается знаком «{ $found }», а по оригиналу нужен «{ $expected }».
            }
    }
check-quote-style = Кавычки { $found } в этом языке не используются: ставьте { $expected }.
check-double-space = В переводе есть двойные пробелы (мест: { $count }).
check-edge-whitespace =
    { $edge ->
        [start] Перевод начинается с пробела.
        [end] Перевод заканчивается пробелом.
       *[both] Перевод начинается и заканчивается пробелом.
    }
check-mixed-script = В слове «{ $word }» смешаны буквы разных алфавитов — например, латинская «o» в русском слове.
check-link-missing = Ссылки { $link } из оригинала нет в переводе, или она изменена.
check-glossary-not-followed = По глоссарию «{ $term }» переводится как «{ $translation }», но в переводе этого варианта нет.
check-forbidden-term = В переводе употреблено «{ $translation }», а глоссарий запрещает такой перевод для «{ $term }».
check-sentence-count = Предложений в оригинале: { $source }, в переводе: { $target }. Убедитесь, что ничего не пропущено и не добавлено лишнего.
check-length-ratio = Длина перевода составляет { $ratio } % от длины оригинала, а для этой языковой пары обычно около { $expected } %.
check-cross-language-missing = «{ $item }» из оригинала есть в других переводах ({ $found_in }), но не в этом.
ui-align = Выравнивание перевода
ui-align-intro = Вставьте текст и его перевод, сделанный раньше. Tandem сопоставит их абзацы и предложения; проверьте пары, а затем сохраните их в памяти переводов или создайте заявление, в котором сопоставленные абзацы уже утверждены.
ui-translation-language = Язык перевода
ui-align-run = Выровнять
ui-align-result = Найденные пары
ui-align-remember = Сохранить пары в памяти
ui-align-statement = Создать утверждённое заявление
ui-align-remembered = Пар добавлено в память:
ui-prefill = Абзацы, которые память переводов знает слово в слово, начать как черновики

## Screens
ui-memory-nav = Память
ui-glossary = Глоссарий
ui-tokens = Токены API
ui-tokens-intro = Токен позволяет скрипту или внешней программе (программе для переводчиков, вашему сайту) работать с API от вашего имени и с вашими ролями. Выдайте каждой программе свой токен, чтобы отозвать один, не останавливая остальные.
ui-token-name = Для чего этот токен
ui-token-create = Создать токен
ui-token-secret = Ваш новый токен
ui-secret-once = Он показывается только сейчас. Скопируйте его и сохраните в надёжном месте.
ui-copy = Копировать
ui-copied = Скопировано.
ui-token-list = Ваши токены
ui-no-tokens = У вас нет токенов API.
ui-created = Создан
ui-actions = Действия
ui-revoke = Отозвать
ui-token-revoked = Отозван:
ui-any-language = Все языки
ui-show = Показать
ui-no-pair-terms = Для этой языковой пары терминов пока нет.
ui-term = Термин
ui-term-translation = Перевод
ui-term-status = Статус
ui-term-note = Примечание
ui-language-pair = Языковая пара
ui-delete = Удалить
ui-download = Скачать
ui-new-term = Новый термин
ui-status-preferred = Предпочтительный
ui-status-forbidden = Запрещённый
ui-status-do-not-translate = Не переводить
ui-term-status-hint = О запрещённом переводе предупреждают проверки; непереводимый термин остаётся неизменным во всех языках.
ui-add-term = Добавить термин
ui-import-terms = Импорт терминов
ui-file = Файл
ui-import-terms-hint = Файл импортируется целиком или не импортируется вовсе. Первая строка CSV-файла должна быть такой:
ui-import = Импортировать
ui-terms-imported = Добавлено или обновлено терминов:
ui-memory-query = Слово или фраза
ui-memory-search-hint = Поиск идёт и в оригинале, и в переводе, без учёта регистра букв.
ui-search = Найти
ui-memory-found = Найдено пар: { $count }
ui-memory-nothing = В памяти нет таких пар.
ui-origin-approved = утверждённый перевод
ui-origin-aligned = выровненный текст
ui-origin-tmx = импорт из TMX
ui-memory-deleted = Пара удалена.
ui-memory-files = Файлы TMX
ui-memory-export = Скачать всю память (TMX)
ui-memory-import = Файл TMX для импорта
ui-upload-progress = Ход загрузки
ui-memory-imported = Запомнено пар:
ui-public-nav = Опубликованное
ui-audit-log = Журнал аудита
ui-audit-statement = Заявление
ui-audit-any = Любое
ui-audit-anyone = Любой пользователь
ui-audit-action = Действие
ui-audit-from = С
ui-audit-to = По
ui-audit-bad-filter = Не удалось прочитать фильтр: проверьте даты.
ui-audit-csv = Скачать в формате CSV
ui-audit-nothing = Нет записей, подходящих под фильтр.
ui-audit-when = Когда (UTC)
ui-audit-subject = Объект
ui-audit-details = Подробности
ui-audit-address = Адрес
ui-audit-older = Более ранние записи
ui-audit-signed-in = Вход
ui-audit-sign-in-failed = Неудачная попытка входа
ui-audit-signed-out = Выход
ui-audit-token-created = Создан токен API
ui-audit-token-revoked = Отозван токен API
ui-audit-user-created = Добавлен пользователь
ui-audit-roles-changed = Изменены роли
ui-audit-unit-approved = Перевод утверждён
ui-audit-unit-returned = Перевод возвращён
ui-audit-statement-published = Заявление опубликовано
ui-audit-user-disabled = Учётная запись отключена
ui-audit-user-enabled = Учётная запись включена
ui-account = Учётная запись
ui-account-active = Активна
ui-account-disabled = Отключена
ui-disable = Отключить
ui-enable = Включить
ui-password-optional = Оставьте пароль пустым, и Tandem создаст для этого человека одноразовый пароль.
ui-invite-password = Пароль нового пользователя
ui-invite-once = Передайте его человеку сами: он показывается только сейчас, и с ним человек войдёт в систему.
error-delivery-pending = Доставка { $id } ещё ждёт своей попытки; отправить её снова можно, когда она будет доставлена или завершится неудачей.
ui-webhooks = Вебхуки
ui-webhooks-intro = Tandem сообщает другим системам (вашему сайту, системе управления контентом) об утверждениях и публикациях, отправляя подписанные запросы на их адреса.
ui-webhook-new = Зарегистрировать вебхук
ui-webhook-url = Адрес (URL)
ui-webhook-every-statement = Все заявления
ui-webhook-events = События (если ни одно не отмечено — все)
ui-event-unit-approved = Перевод утверждён
ui-event-language-completed = Язык утверждён полностью
ui-event-statement-published = Заявление опубликовано
ui-webhook-register = Зарегистрировать
ui-webhook-secret = Секрет для подписи
ui-webhook-rotate = Создать новый секрет
ui-webhook-deliveries = Последние доставки
ui-webhook-no-deliveries = Пока ничего не отправлено.
ui-webhook-event = Событие
ui-webhook-state = Состояние
ui-webhook-attempts = Попытки
ui-webhook-answer = Последний ответ
ui-delivery-pending = ожидает
ui-delivery-delivered = доставлено
ui-delivery-failed = не удалось
ui-retry = Отправить снова
ui-webhook-retrying = Скоро она будет отправлена снова.
ui-no-webhooks = Вебхуков нет.
