namespace Ats.Benchmarks;

/// <summary>A trade: its share of the candidate base, its job titles, skills (most common first) and the things its people work on.</summary>
public sealed record Profession(string Name, double Weight, string[] Positions, string[] Skills, string[] RuObjects, string[] EnObjects);

/// <summary>
/// The words of the synthetic candidate base. Lists are ordered most common first: the generator draws from them
/// with Zipf weights, so «Java» is common and «Haskell» rare, Moscow large and Норильск small.
/// </summary>
public static class SyntheticVocabulary
{
    public static readonly Profession[] Professions =
    [
        new("backend", 12,
            ["Java-разработчик", "Backend developer", "Разработчик C#", "Python-разработчик", "Go-разработчик", "Программист PHP", "Senior Java developer", "Software engineer", "Разработчик на Kotlin", "Архитектор программного обеспечения", "Тимлид разработки", "Разработчик C++"],
            ["Java", "Spring", "PostgreSQL", "Python", "Docker", "Kafka", "C#", ".NET", "Go", "SQL", "Git", "Hibernate", "Redis", "PHP", "Kotlin", "Django", "REST API", "gRPC", "Microservices", "RabbitMQ", "MongoDB", "C++", "Node.js", "Laravel", "ASP.NET Core", "Entity Framework", "FastAPI", "Elasticsearch", "Scala", "Rust", "Haskell", "Erlang"],
            ["платёжный шлюз", "микросервисную архитектуру", "систему биллинга", "API личного кабинета", "сервис уведомлений", "интеграцию с ЕГАИС", "модуль расчёта тарифов", "ядро процессинга", "сервис авторизации", "поисковый сервис", "систему бронирования", "CRM-систему"],
            ["a payment gateway", "the microservice architecture", "the billing system", "the customer portal API", "a notification service", "the pricing engine", "the authorization service", "a search service", "the booking system", "an order management system"]),
        new("frontend", 5,
            ["Frontend developer", "Frontend-разработчик", "React-разработчик", "iOS developer", "Android-разработчик", "Мобильный разработчик", "Верстальщик", "Flutter developer", "Fullstack developer"],
            ["JavaScript", "TypeScript", "React", "HTML", "CSS", "Vue.js", "Redux", "Webpack", "Angular", "Next.js", "Swift", "Kotlin", "Flutter", "SCSS", "Jest", "React Native", "Objective-C", "Svelte", "GraphQL", "Storybook"],
            ["личный кабинет клиента", "мобильное приложение банка", "интернет-магазин", "дизайн-систему", "SPA-приложение", "админ-панель", "приложение доставки", "виджет онлайн-чата"],
            ["the customer dashboard", "a mobile banking app", "an online store", "the design system", "a single-page application", "the admin panel", "a delivery app"]),
        new("1c", 4,
            ["Программист 1С", "Ведущий разработчик 1С", "Консультант 1С", "Разработчик 1С", "Архитектор 1С", "Специалист по внедрению 1С"],
            ["1С:Предприятие", "1С:Бухгалтерия", "1С:ЗУП", "1С:ERP", "1С:УТ", "1С:Документооборот", "СКД", "БСП", "1С:Розница", "1С:ЗУП КОРП", "MS SQL", "1С:Управление холдингом", "EDT"],
            ["конфигурацию 1С:ERP", "обмен между базами 1С", "расчёт зарплаты в 1С:ЗУП", "интеграцию 1С с сайтом", "регламентированную отчётность", "обработки загрузки банковских выписок", "переход на 1С:УТ 11", "складской учёт в 1С"],
            ["the 1C:ERP configuration", "data exchange between 1C databases", "payroll in 1C", "1C integration with the website"]),
        new("ops", 5,
            ["DevOps-инженер", "Системный администратор", "SRE-инженер", "Сетевой инженер", "Администратор баз данных", "Инженер технической поддержки", "DevOps engineer", "Специалист по информационной безопасности"],
            ["Linux", "Kubernetes", "Docker", "Ansible", "Terraform", "Bash", "Nginx", "Prometheus", "Grafana", "GitLab CI", "Jenkins", "AWS", "Zabbix", "Windows Server", "Active Directory", "Cisco", "PostgreSQL", "Helm", "Yandex Cloud", "VMware", "OpenStack", "Puppet", "ELK", "Vault", "MikroTik", "Ceph"],
            ["мониторинг и алертинг", "кластер Kubernetes", "CI/CD-конвейер", "резервное копирование", "сетевую инфраструктуру офиса", "миграцию в облако", "отказоустойчивый кластер PostgreSQL", "парк серверов", "систему логирования"],
            ["monitoring and alerting", "the Kubernetes cluster", "the CI/CD pipeline", "backups", "the office network", "the migration to the cloud", "a highly available PostgreSQL cluster", "centralised logging"]),
        new("data", 5,
            ["Аналитик данных", "Data scientist", "Data engineer", "BI-аналитик", "Системный аналитик", "Бизнес-аналитик", "ML engineer", "Продуктовый аналитик"],
            ["SQL", "Python", "Pandas", "Excel", "Power BI", "Tableau", "Spark", "Airflow", "ClickHouse", "Scikit-learn", "PyTorch", "Hadoop", "BPMN", "UML", "A/B-тесты", "DWH", "Superset", "TensorFlow", "Greenplum", "NumPy", "dbt", "Looker", "MLflow", "CatBoost"],
            ["витрины данных", "модель оттока клиентов", "дашборды для руководства", "требования к системе", "кредитный скоринг", "рекомендательную систему", "ETL-процессы", "прогноз спроса", "воронку продаж", "хранилище данных"],
            ["data marts", "a churn model", "executive dashboards", "system requirements", "credit scoring", "a recommender system", "ETL pipelines", "demand forecasting", "the data warehouse"]),
        new("qa", 3,
            ["QA engineer", "Тестировщик", "Инженер по автоматизации тестирования", "QA automation engineer", "Руководитель отдела тестирования"],
            ["Selenium", "Postman", "Jira", "TestRail", "Python", "Java", "SQL", "Allure", "Pytest", "JMeter", "Appium", "Cypress", "Playwright", "Charles", "TestNG", "Robot Framework"],
            ["регрессионное тестирование", "автотесты API", "нагрузочное тестирование", "тестовую документацию", "процесс приёмки релизов", "тест-планы"],
            ["regression testing", "API test automation", "load testing", "the test documentation", "release acceptance", "test plans"]),
        new("pm", 4,
            ["Product manager", "Project manager", "Руководитель проектов", "Менеджер продукта", "Scrum master", "Руководитель отдела разработки", "CTO", "Delivery manager"],
            ["Jira", "Confluence", "Agile", "Scrum", "Kanban", "MS Project", "Управление рисками", "Бюджетирование", "CJM", "Unit-экономика", "PMBOK", "Miro", "OKR", "Roadmap"],
            ["запуск нового продукта", "дорожную карту продукта", "бюджет проекта", "команду разработки", "внедрение ERP-системы", "процесс планирования спринтов", "цифровую трансформацию"],
            ["the product launch", "the product roadmap", "the project budget", "the development team", "the ERP rollout", "sprint planning", "the digital transformation"]),
        new("design", 2.5,
            ["UX/UI дизайнер", "Графический дизайнер", "Product designer", "Веб-дизайнер", "Motion designer", "Иллюстратор"],
            ["Figma", "Adobe Photoshop", "Adobe Illustrator", "Sketch", "After Effects", "Tilda", "CorelDRAW", "Blender", "InDesign", "Прототипирование", "Cinema 4D", "Типографика"],
            ["дизайн мобильного приложения", "фирменный стиль", "лендинги", "прототипы интерфейсов", "упаковку продукции", "рекламные баннеры"],
            ["the mobile app design", "the brand identity", "landing pages", "interface prototypes", "product packaging"]),
        new("finance", 8,
            ["Бухгалтер", "Главный бухгалтер", "Финансовый аналитик", "Экономист", "Бухгалтер по расчёту заработной платы", "Финансовый директор", "Аудитор", "Казначей", "Бухгалтер-кассир", "Специалист по МСФО"],
            ["1С:Бухгалтерия", "Excel", "МСФО", "РСБУ", "Налоговый учёт", "1С:ЗУП", "Бюджетирование", "Управленческий учёт", "Консультант Плюс", "Банк-клиент", "Финансовое моделирование", "SAP", "Казначейство", "GAAP", "Аудит", "ВЭД", "Трансфертное ценообразование", "Oracle Financials"],
            ["налоговую отчётность", "отчётность по МСФО", "закрытие месяца", "расчёт заработной платы", "бюджет компании", "платёжный календарь", "первичную документацию", "консолидированную отчётность", "авансовые отчёты", "сверки с контрагентами"],
            ["tax reporting", "IFRS reporting", "the month-end close", "payroll", "the company budget", "the cash flow forecast", "consolidated statements", "reconciliations with counterparties"]),
        new("sales", 10,
            ["Менеджер по продажам", "Менеджер по работе с клиентами", "Руководитель отдела продаж", "Key account manager", "Торговый представитель", "Продавец-консультант", "Менеджер по закупкам", "Account manager", "Директор по продажам", "Менеджер по развитию бизнеса"],
            ["Активные продажи", "Холодные звонки", "Переговоры", "B2B продажи", "CRM", "amoCRM", "Битрикс24", "Тендеры", "Работа с возражениями", "Excel", "Мерчандайзинг", "Закупки", "B2C продажи", "Salesforce", "Госзакупки", "Ведение ключевых клиентов", "Кассовая дисциплина"],
            ["клиентскую базу", "план продаж", "сеть дилеров", "ключевых клиентов", "коммерческие предложения", "тендерную документацию", "отдел продаж", "продажи в регионах", "новое направление продаж", "договоры поставки"],
            ["the client base", "the sales plan", "the dealer network", "key accounts", "commercial proposals", "tender documentation", "the sales team", "regional sales"]),
        new("marketing", 4,
            ["Маркетолог", "Интернет-маркетолог", "SMM-менеджер", "Digital marketing manager", "Бренд-менеджер", "PR-менеджер", "Копирайтер", "SEO-специалист", "Контент-менеджер"],
            ["Яндекс Директ", "SEO", "SMM", "Google Analytics", "Яндекс Метрика", "Контекстная реклама", "Email-маркетинг", "Копирайтинг", "Таргетированная реклама", "Brand management", "Event-маркетинг", "Tilda", "VK Реклама", "Unisender", "Telegram Ads"],
            ["рекламные кампании", "контент-план", "сообщество бренда", "маркетинговую стратегию", "email-рассылки", "сайт компании", "ребрендинг", "медиаплан"],
            ["advertising campaigns", "the content plan", "the brand community", "the marketing strategy", "email campaigns", "the rebranding"]),
        new("hr", 3.5,
            ["HR-менеджер", "Рекрутер", "HR business partner", "Менеджер по персоналу", "Специалист по кадровому делопроизводству", "HR-директор", "IT-рекрутер", "Специалист по обучению"],
            ["Подбор персонала", "Кадровое делопроизводство", "Адаптация персонала", "HR-аналитика", "1С:ЗУП", "Оценка персонала", "Hh.ru", "Трудовое право", "Employer branding", "Обучение персонала", "Массовый подбор", "Executive search", "Huntflow", "KPI"],
            ["подбор персонала", "систему адаптации", "кадровый документооборот", "оценку персонала", "систему мотивации", "корпоративное обучение", "HR-бренд", "массовый подбор"],
            ["recruitment", "onboarding", "the HR records", "performance reviews", "the incentive scheme", "corporate training", "the employer brand"]),
        new("logistics", 7,
            ["Логист", "Водитель категории C", "Кладовщик", "Начальник склада", "Менеджер по логистике", "Специалист по ВЭД", "Диспетчер", "Водитель-экспедитор", "Руководитель отдела логистики", "Комплектовщик"],
            ["WMS", "Складской учёт", "Таможенное оформление", "ВЭД", "Грузоперевозки", "Инвентаризация", "1С:УТ", "Управление автопарком", "Погрузчик", "Категория C", "Категория B", "Мультимодальные перевозки", "Incoterms", "SAP", "Адресное хранение", "Транспортная логистика"],
            ["складскую логистику", "маршруты доставки", "таможенное оформление грузов", "приёмку и отгрузку товара", "автопарк", "инвентаризацию склада", "цепочку поставок", "международные перевозки"],
            ["warehouse logistics", "delivery routes", "customs clearance", "goods receipt and dispatch", "the vehicle fleet", "the supply chain", "international freight"]),
        new("engineering", 8,
            ["Инженер-конструктор", "Инженер-проектировщик", "Инженер ПТО", "Прораб", "Главный инженер", "Технолог", "Инженер-электрик", "Сварщик", "Инженер по охране труда", "Мастер участка", "Инженер-механик", "Слесарь-ремонтник", "Инженер-сметчик"],
            ["AutoCAD", "Компас-3D", "SolidWorks", "Revit", "Сметное дело", "Гранд-Смета", "ГОСТ", "Охрана труда", "Чтение чертежей", "Электромонтаж", "Сварка", "Бережливое производство", "ППР", "Исполнительная документация", "ArchiCAD", "Станки с ЧПУ", "Промышленная безопасность", "ISO 9001", "Tekla", "Nanocad"],
            ["проектную документацию", "монтаж инженерных систем", "реконструкцию цеха", "технологический процесс", "сметы на строительство", "пусконаладочные работы", "ремонт оборудования", "строительство жилого комплекса", "систему охраны труда", "производственную линию"],
            ["the design documentation", "the installation of building systems", "the plant reconstruction", "the production process", "construction estimates", "commissioning", "equipment maintenance"]),
        new("medicine", 4,
            ["Врач-терапевт", "Медицинская сестра", "Провизор", "Фармацевт", "Медицинский представитель", "Врач-стоматолог", "Администратор клиники", "Клинический исследователь"],
            ["Медицинская документация", "GMP", "Клинические исследования", "Фармаконадзор", "Ультразвуковая диагностика", "Медицинская информационная система", "Работа с рецептами", "ОМС", "ДМС", "Фармакология", "Стоматология", "Первая помощь"],
            ["приём пациентов", "клинические исследования", "аптечный ассортимент", "медицинскую документацию", "продвижение препаратов", "работу регистратуры"],
            ["patient appointments", "clinical trials", "the pharmacy assortment", "medical records", "drug promotion"]),
        new("legal", 2.5,
            ["Юрист", "Юрисконсульт", "Корпоративный юрист", "Адвокат", "Помощник юриста", "Специалист по закупкам 44-ФЗ", "Руководитель юридического отдела"],
            ["Договорная работа", "Арбитражные процессы", "Корпоративное право", "44-ФЗ", "223-ФЗ", "Трудовое право", "Банкротство", "Налоговое право", "Гарант", "Консультант Плюс", "Due diligence", "Интеллектуальная собственность", "GDPR", "152-ФЗ"],
            ["договорную работу", "судебные споры", "корпоративные процедуры", "закупки по 44-ФЗ", "претензионную работу", "сделки M&A", "банкротство должников"],
            ["contract management", "litigation", "corporate procedures", "M&A deals", "claims handling"]),
        new("office", 6,
            ["Офис-менеджер", "Секретарь", "Администратор", "Оператор call-центра", "Специалист службы поддержки", "Помощник руководителя", "Менеджер по работе с обращениями", "Ассистент", "Курьер"],
            ["Делопроизводство", "MS Office", "Excel", "Деловая переписка", "Работа с оргтехникой", "Организация мероприятий", "Телефонные переговоры", "Документооборот", "Английский язык", "Тайм-менеджмент", "Travel management", "Zendesk", "Jivo"],
            ["документооборот офиса", "деловые поездки руководителя", "входящие обращения клиентов", "корпоративные мероприятия", "закупку канцелярии", "календарь руководителя"],
            ["office paperwork", "business travel", "incoming customer requests", "corporate events", "the executive's calendar"]),
    ];

    /// <summary>Skills any trade may list.</summary>
    public static readonly string[] GenericSkills =
    [
        "Excel", "Английский язык", "MS Office", "Деловая переписка", "Работа в команде", "Управление командой", "Наставничество", "Ведение переговоров",
        "Управление проектами", "Презентации", "Немецкий язык", "Аналитическое мышление", "Обучение сотрудников", "Китайский язык", "Публичные выступления",
    ];

    public static readonly string[] SeniorityRu = ["Младший", "Старший", "Ведущий", "Главный"];
    public static readonly string[] SeniorityEn = ["Junior", "Middle", "Senior", "Lead"];

    public static readonly string[] RuVerbs =
    [
        "Разрабатывал", "Внедрил", "Вёл", "Сопровождал", "Настроил", "Оптимизировал", "Автоматизировал", "Организовал", "Отвечал за", "Курировал",
        "Подготовил", "Запустил", "Контролировал", "Поддерживал", "Спроектировал", "Анализировал", "Модернизировал", "Выстроил", "Перестроил",
        "Координировал", "Обеспечивал", "Согласовывал", "Сформировал", "Доработал", "Масштабировал", "Улучшил", "Перевёл на новую платформу",
        "Описал", "Проверял", "Планировал", "Разработала", "Вела", "Внедрила", "Организовала", "Отвечала за", "Подготовила", "Курировала",
    ];

    public static readonly string[] EnVerbs =
    [
        "Built", "Designed", "Led", "Owned", "Maintained", "Improved", "Automated", "Launched", "Managed", "Migrated", "Rebuilt", "Coordinated",
        "Scaled", "Supported", "Delivered", "Streamlined", "Introduced", "Ran", "Reorganised", "Documented", "Audited", "Planned",
    ];

    public static readonly string[] RuDomains =
    [
        "для розничной сети", "в банковском секторе", "для логистической компании", "на производстве", "в телекоме", "для интернет-магазина",
        "в государственном секторе", "для страховой компании", "в фармацевтической компании", "в сети клиник", "в девелоперской компании",
        "для маркетплейса", "в нефтегазовой отрасли", "в агрохолдинге", "в IT-интеграторе", "в финтех-стартапе", "для ресторанной сети",
        "в энергетической компании", "для автодилера", "в онлайн-школе", "в металлургическом холдинге", "для федерального ритейлера",
        "в туристической компании", "в медиахолдинге", "в транспортной компании", "в горнодобывающей компании", "для застройщика",
        "в консалтинговой компании", "в химической промышленности", "в сфере ЖКХ",
    ];

    public static readonly string[] EnDomains =
    [
        "for a retail chain", "in banking", "for a logistics company", "in manufacturing", "in telecom", "for an e-commerce company",
        "in the public sector", "for an insurer", "in a pharmaceutical company", "for a clinic network", "for a marketplace", "in oil and gas",
        "in a fintech startup", "for a restaurant chain", "in energy", "in an online school", "in metals and mining", "in media", "in consulting",
    ];

    /// <summary>Outcomes; {n} is a number.</summary>
    public static readonly string[] RuOutcomes =
    [
        "сократив сроки на {n}%", "увеличив выручку на {n}%", "в команде из {n} человек", "за {n} месяцев", "с бюджетом {n} млн рублей",
        "для {n} филиалов", "снизив затраты на {n}%", "обслуживая {n} клиентов", "с нуля", "в срок", "по всей России", "в {n} регионах",
    ];

    public static readonly string[] EnOutcomes =
    [
        "cutting lead time by {n}%", "growing revenue by {n}%", "in a team of {n}", "within {n} months", "with a budget of {n} million",
        "across {n} branches", "reducing costs by {n}%", "serving {n} clients", "from scratch", "on time",
    ];

    /// <summary>Russian function words, most frequent first: they head the Zipf list of ordinary words.</summary>
    public static readonly string[] RuFunctionWords =
    [
        "и", "в", "на", "с", "по", "для", "не", "что", "как", "а", "к", "из", "от", "о", "также", "при", "это", "все", "до", "за",
        "работы", "работа", "опыт", "компании", "году", "время", "новых", "более", "отдела", "задач",
    ];

    public static readonly string[] EnWords =
    [
        "the", "and", "of", "to", "a", "in", "for", "with", "on", "as", "by", "at", "from", "our", "new", "team", "work", "project", "company",
        "business", "process", "customer", "data", "service", "product", "client", "system", "support", "development", "quality", "report",
        "management", "sales", "market", "experience", "time", "year", "good", "high", "large", "local", "global", "small", "daily", "weekly",
        "internal", "external", "key", "main", "new", "first", "several", "various", "complex", "critical", "regular", "annual", "monthly",
        "group", "office", "partner", "vendor", "supplier", "contract", "budget", "cost", "revenue", "growth", "plan", "strategy", "goal",
        "task", "issue", "problem", "solution", "result", "change", "request", "review", "analysis", "model", "tool", "platform", "application",
        "network", "server", "database", "release", "version", "feature", "design", "test", "document", "policy", "standard", "training",
        "meeting", "presentation", "stakeholder", "department", "region", "country", "city", "branch", "store", "warehouse", "factory",
        "equipment", "material", "order", "delivery", "shipment", "invoice", "payment", "account", "audit", "risk", "compliance", "security",
        "performance", "efficiency", "reliability", "availability", "capacity", "volume", "level", "rate", "share", "value", "price", "margin",
        "ensure", "provide", "prepare", "review", "handle", "track", "monitor", "define", "create", "develop", "implement", "maintain",
        "improve", "reduce", "increase", "support", "manage", "lead", "coordinate", "organise", "negotiate", "present", "analyse", "evaluate",
        "prepared", "handled", "tracked", "reviewed", "created", "helped", "worked", "joined", "trained", "hired", "reported", "resolved",
        "closely", "directly", "successfully", "quickly", "effectively", "across", "within", "between", "through", "during", "under", "over",
        "remote", "hybrid", "agile", "lean", "senior", "junior", "cross-functional", "end-to-end", "customer-facing", "day-to-day",
        "onboarding", "retention", "pipeline", "backlog", "roadmap", "forecast", "dashboard", "workflow", "architecture", "integration",
        "migration", "automation", "optimisation", "infrastructure", "operations", "logistics", "procurement", "finance", "marketing",
        "recruitment", "engineering", "research", "consulting", "healthcare", "retail", "banking", "insurance", "telecom", "energy",
    ];

    public static readonly string[] Universities =
    [
        "МГУ им. М. В. Ломоносова", "СПбГУ", "НИУ ВШЭ", "МГТУ им. Н. Э. Баумана", "МФТИ", "Финансовый университет", "РЭУ им. Г. В. Плеханова",
        "Казанский федеральный университет", "Уральский федеральный университет", "НГУ", "ТПУ", "ИТМО", "СПбПУ Петра Великого", "РАНХиГС",
        "МИФИ", "МАИ", "МИСиС", "Самарский университет", "ЮФУ", "СибГУТИ", "ННГУ им. Лобачевского", "ПНИПУ", "ВГУ", "УГАТУ", "ТУСУР",
        "РУДН", "МГИМО", "СПбГЭУ", "Кубанский государственный университет", "Иркутский государственный университет", "колледж", "техникум",
    ];

    public static readonly string[] RuDegrees = ["Бакалавр", "Магистр", "Специалист", "Среднее профессиональное"];

    /// <summary>Cities with population in thousands; Moscow and St Petersburg weighted up again for their share of the job market.</summary>
    public static readonly (string City, double Weight)[] Cities =
    [
        ("Москва", 13100 * 2), ("Санкт-Петербург", 5600 * 1.5), ("Новосибирск", 1630), ("Екатеринбург", 1540), ("Казань", 1310), ("Нижний Новгород", 1230),
        ("Красноярск", 1190), ("Челябинск", 1180), ("Самара", 1160), ("Уфа", 1160), ("Ростов-на-Дону", 1140), ("Омск", 1110), ("Краснодар", 1100),
        ("Воронеж", 1050), ("Пермь", 1030), ("Волгоград", 1020), ("Саратов", 900), ("Тюмень", 850), ("Тольятти", 680), ("Махачкала", 620),
        ("Барнаул", 620), ("Ижевск", 620), ("Хабаровск", 610), ("Ульяновск", 610), ("Иркутск", 610), ("Владивосток", 600), ("Ярославль", 580),
        ("Томск", 560), ("Севастополь", 550), ("Ставрополь", 550), ("Набережные Челны", 550), ("Оренбург", 550), ("Кемерово", 540),
        ("Новокузнецк", 540), ("Балашиха", 520), ("Рязань", 520), ("Чебоксары", 500), ("Пенза", 500), ("Липецк", 500), ("Калининград", 490),
        ("Киров", 470), ("Астрахань", 470), ("Тула", 470), ("Сочи", 450), ("Курск", 440), ("Улан-Удэ", 430), ("Тверь", 420), ("Магнитогорск", 410),
        ("Сургут", 400), ("Брянск", 380), ("Якутск", 360), ("Иваново", 360), ("Владимир", 350), ("Симферополь", 340), ("Чита", 340),
        ("Белгород", 340), ("Нижний Тагил", 340), ("Грозный", 330), ("Калуга", 330), ("Волжский", 320), ("Смоленск", 320), ("Вологда", 310),
        ("Подольск", 310), ("Саранск", 310), ("Курган", 300), ("Орёл", 300), ("Череповец", 300), ("Архангельск", 300), ("Владикавказ", 300),
        ("Нижневартовск", 280), ("Стерлитамак", 280), ("Йошкар-Ола", 280), ("Петрозаводск", 280), ("Мурманск", 270), ("Мытищи", 270),
        ("Новороссийск", 270), ("Тамбов", 260), ("Кострома", 260), ("Химки", 260), ("Таганрог", 250), ("Нальчик", 250), ("Благовещенск", 240),
        ("Шахты", 230), ("Энгельс", 230), ("Люберцы", 230), ("Сыктывкар", 220), ("Королёв", 220), ("Великий Новгород", 220), ("Братск", 220),
        ("Старый Оскол", 220), ("Ангарск", 220), ("Псков", 200), ("Бийск", 200), ("Южно-Сахалинск", 200), ("Армавир", 190), ("Абакан", 190),
        ("Прокопьевск", 190), ("Норильск", 180), ("Рыбинск", 180), ("Балаково", 180), ("Сызрань", 170), ("Петропавловск-Камчатский", 160),
        ("Минск", 200), ("Алматы", 220), ("Ташкент", 150), ("Бишкек", 80), ("Ереван", 90), ("Тбилиси", 60),
    ];

    /// <summary>Large employers every résumé base is full of; the long tail of smaller firms is generated.</summary>
    public static readonly string[] KnownCompanies =
    [
        "Сбер", "Яндекс", "Тинькофф", "ВТБ", "Газпром нефть", "Ростелеком", "МТС", "Ozon", "Wildberries", "X5 Group", "Магнит", "Альфа-Банк",
        "Авито", "ВК", "Лаборатория Касперского", "Билайн", "МегаФон", "Лукойл", "Роснефть", "РЖД", "Аэрофлот", "Северсталь", "Норникель",
        "Росатом", "Сибур", "ЛАНИТ", "КРОК", "EPAM", "Luxoft", "JetBrains", "2ГИС", "Positive Technologies", "Лента", "Пятёрочка", "ВкусВилл",
        "Леруа Мерлен", "М.Видео", "DNS", "Спортмастер", "Райффайзенбанк", "Газпромбанк", "Совкомбанк", "Почта России", "СДЭК", "ПЭК",
        "Деловые Линии", "Самолёт", "ПИК", "ЛСР", "Россети", "Интер РАО", "ФосАгро", "Уралхим", "КАМАЗ", "АвтоВАЗ", "Ингосстрах", "РЕСО-Гарантия",
        "Инвитро", "Медси", "Фармстандарт", "Р-Фарм", "Додо Пицца", "Бургер Кинг", "Мираторг", "Черкизово", "Русагро", "Т1", "Ситимобил",
    ];

    public static readonly string[] CompanyStemsRu =
    [
        "Техно", "Инфо", "Альфа", "Гео", "Энерго", "Строй", "Агро", "Мед", "Фин", "Лог", "Транс", "Пром", "Нефте", "Сиб", "Урал", "Волга",
        "Север", "Юг", "Нева", "Кама", "Дон", "Байкал", "Алтай", "Вектор", "Спектр", "Прайм", "Мега", "Экспо", "Оптима", "Стандарт", "Рус",
        "Евро", "Интер", "Сфера", "Формула", "Гранит", "Кристалл", "Меридиан", "Орион", "Восток",
    ];

    public static readonly string[] CompanyEndingsRu =
    [
        "софт", "сервис", "систем", "лайн", "пром", "торг", "инвест", "групп", "проект", "снаб", "маш", "ресурс", "технологии", "консалт",
        "трейд", "строй", "комплекс", "логистик", "тех", "плюс", "центр", "монтаж", "автоматика", "инжиниринг",
    ];

    public static readonly string[] CompanyFormsRu = ["ООО", "АО", "ГК", "ПАО", "ООО", "ООО"];

    public static readonly string[] CompanyWordsEn =
    [
        "North", "Blue", "River", "Stone", "Bright", "Silver", "Red", "Green", "Smart", "Rapid", "Clear", "Deep", "Open", "Prime", "Nova",
        "Arctic", "Pixel", "Cloud", "Data", "Cargo", "Metro", "Urban", "Solar", "Iron", "Summit",
    ];

    public static readonly string[] CompanySuffixesEn = ["Labs", "Software", "Systems", "Solutions", "Group", "Logistics", "Digital", "Consulting", "Tech", "Partners"];
}
